// By hand on Espruino's Linux interpreter (not in CI): the variables one open
// uart() stream costs, and a task waiting in its readline(). Build it for a
// board whose SERIAL1 pins the Linux build accepts (esp32: D3/D1), then
// `espruino dist/uart-stream.esp32.js </dev/null`. Device code only: the
// host build leaves bench/espruino/ out (tsconfig.json).
import { createTask, run, sleepMs } from "ristretto";
import { uart } from "ristretto/io";
import { SERIAL1 } from "ristretto/board";

declare var process: { memory(): { usage: number } };
declare function quit(): void;

function usage(): number {
  return process.memory().usage;
}

run(async function () {
  await sleepMs(1);
  var m0 = usage();
  var port = uart(SERIAL1, { baud: 9600 });
  var m1 = usage();
  createTask(port.readline());
  await sleepMs(1);
  var m2 = usage();
  console.log("open uart: " + (m1 - m0) + " variables; a task waiting in its readline: " + (m2 - m1) + " more");
  quit();
});
