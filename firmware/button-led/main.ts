// A button sets the blink rate: each press makes it faster (and wraps
// round); a long press turns the LED off and ends the program.
import { createTask, run, sleepMs } from "ristretto";
import { button, output } from "ristretto/io";
import { BTN1, LED1 } from "ristretto/board";

var PERIODS = [500, 250, 125];

run(async function () {
  var led = output(LED1), btn = button(BTN1), i = 0;
  var blinking = createTask(
    (async function () {
      for (;;) {
        led.toggle();
        await sleepMs(PERIODS[i]);
      }
    })(),
  );
  var presses = createTask(
    (async function () {
      for (;;) {
        await btn.pressed();
        i = (i + 1) % PERIODS.length;
      }
    })(),
  );
  await btn.longPress();
  presses.cancel();
  blinking.cancel();
  led.off();
});
