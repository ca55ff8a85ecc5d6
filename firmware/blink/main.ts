// One LED, on and off every half second.
import { run, sleepMs } from "ristretto";
import { output } from "ristretto/io";
import { LED1 } from "ristretto/board";

run(async function () {
  var led = output(LED1);
  for (;;) {
    led.toggle();
    await sleepMs(500);
  }
});
