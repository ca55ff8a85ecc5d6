// The board's two LEDs, each at its own rate, concurrently. On a board
// without LED2 the build stops and lists the board's pins.
import { gather, run } from "ristretto";
import { every, output } from "ristretto/io";
import type { Pin } from "ristretto/io";
import { LED1, LED2 } from "ristretto/board";

function blink(pin: Pin, periodMs: number) {
  var led = output(pin);
  return every(periodMs, function () {
    led.toggle();
  });
}

run(async function () {
  await gather([blink(LED1, 500), blink(LED2, 300)]);
});
