// By hand on Espruino's Linux interpreter (npm run bench:espruino runs it):
// variables per task suspended in sleepMs, and what cancelling 50 of them
// and dropping them gives back. Each reading waits for events, not for a
// time, so a busy machine does not move it. Pin-free. Device code only.
import { createTask, run, sleepMs } from "ristretto";
import type { Task } from "ristretto";

declare var process: { memory(): { usage: number } };
declare function quit(): void;

var N = 50;

async function sleeper() {
  await sleepMs(1e9);
}

run(async function () {
  var ts: Task<void>[] | undefined = [], i: number, m0 = process.memory().usage, before: number, still = 0;
  // The interpreter lets go of the program's text some time after it ran: a baseline once usage has not fallen
  // for five reads in a row (one read was not enough on a busy machine: a baseline 180 too high, once).
  do {
    before = m0;
    await sleepMs(10);
    m0 = process.memory().usage;
    still = m0 < before ? 0 : still + 1;
  } while (still < 5);
  for (i = 0; i < N; i++) ts.push(createTask(sleeper()));
  await sleepMs(1);
  var m1 = process.memory().usage;
  for (i = 0; i < N; i++) ts[i].cancel();
  // Each cancelled task ends at its next step; waiting for them all (not for
  // a time, which a busy machine's 20 ms slices can outlast) before reading.
  for (i = 0; i < N; i++) {
    try {
      await ts[i];
    } catch (e) {
      // its CancelledError
    }
  }
  ts = undefined;
  await sleepMs(1);
  var m2 = process.memory().usage;
  console.log("per-task " + Math.round(((m1 - m0) / N) * 10) / 10 + " after-cancel " + (m2 - m0) + " (usage " + m0 + ", " + m1 + ", " + m2 + ")");
  quit();
});
