// One LED, on and off every half second.
/// <reference path="../espruino.d.ts" />
import { run, sleepMs } from "ristretto";

run(async function () {
  for (var on = true; ; on = !on) {
    digitalWrite(LED1, on);
    await sleepMs(500);
  }
});
