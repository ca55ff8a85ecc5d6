// Answers each line that comes in on SERIAL1 and blinks LED1 once per line.
// No callbacks: readline() is awaited like a sleep.
import { run, sleepMs } from "ristretto";
import { output, uart } from "ristretto/io";
import { LED1, SERIAL1 } from "ristretto/board";

run(async function () {
  var port = uart(SERIAL1, { baud: 115200 }), led = output(LED1), n = 0;
  for (;;) {
    var line = await port.readline();
    n++;
    led.on();
    await port.write("#" + n + " " + line);
    await port.drain();
    await sleepMs(50);
    led.off();
  }
});
