// What of ristretto/io the examples do not reach, as a firmware would use it:
// every() that awaits what its function returns and falls behind, and that
// its function stops; a uart whose buffer overflows, a read that waits, a second reader,
// a write longer than the transmitter holds; a button given its polarity.
// test/firmware/bundles.test.ts runs it built, on the bundle simulator, and
// on the Node simulation, and wants the same of both.
import { createTask, run, sleepMs } from "ristretto";
import type { UsageError } from "ristretto";
import { button, every, output, uart } from "ristretto/io";
import type { OverrunError } from "ristretto/io";
import { BTN1, LED1, SERIAL1 } from "ristretto/board";

run(async function () {
  var led = output(LED1), port = uart(SERIAL1, { baud: 9600, bufferBytes: 8 }), long = "", i: number;

  // Its function's awaitable takes 250 ms of a 100 ms period: the next call is at 300, not 200.
  await every(100, function (n) {
    console.log("tick", n);
    led.toggle();
    return n < 2 ? sleepMs(250) : false;
  });

  // The sender's 20 bytes came at 100 ms into a buffer of 8.
  try {
    await port.read();
  } catch (e) {
    console.log("dropped", (e as OverrunError).dropped);
  }
  console.log("kept", await port.read());

  // One reader at a time: the first gets the line sent at 1000 ms.
  var first = createTask(port.read());
  await sleepMs(0);
  try {
    await port.readline();
  } catch (e) {
    console.log("second reader:", (e as UsageError).code); // a device keeps the code alone
  }
  console.log("first reader:", await first);

  // 100 bytes at 9600 baud: the transmitter takes them as they leave.
  for (i = 0; i < 10; i++) long += "0123456789";
  await port.write(long);
  await port.drain();
  console.log("written");

  // BTN1 is high when pressed; said so here rather than by the board.
  await button(BTN1, { activeLow: false }).pressed();
  console.log("pressed");
});
