// {{led}} of {{boardName}}, on and off every half second.
import { run, sleepMs } from "ristretto";
import { output } from "ristretto/io";
import { {{led}} } from "ristretto/board";

run(async function () {
  var led = output({{led}});
  for (;;) {
    led.toggle();
    await sleepMs(500);
  }
});
