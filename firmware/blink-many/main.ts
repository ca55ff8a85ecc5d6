// Two LEDs, each at its own rate, concurrently.
/// <reference path="../espruino.d.ts" />
import { createTask, run, sleepMs } from "ristretto";

async function blink(pin: Pin, periodMs: number) {
  for (var on = true; ; on = !on) {
    digitalWrite(pin, on);
    await sleepMs(periodMs);
  }
}

run(async function () {
  createTask(blink(LED1, 500));
  createTask(blink(LED2, 300));
});
