// By hand on Espruino's Linux interpreter (npm run bench:espruino runs it):
// variables per task suspended in sleepMs, and what cancelling 50 of them
// and dropping them gives back. Pin-free. Device code only.
import { createTask, run, sleepMs } from "ristretto";
import type { Task } from "ristretto";

declare var process: { memory(): { usage: number } };
declare function quit(): void;

var N = 50;

async function sleeper() {
  await sleepMs(1e9);
}

run(async function () {
  var ts: Task<void>[] | undefined = [], i: number;
  await sleepMs(1);
  var m0 = process.memory().usage;
  for (i = 0; i < N; i++) ts.push(createTask(sleeper()));
  await sleepMs(1);
  var m1 = process.memory().usage;
  for (i = 0; i < N; i++) ts[i].cancel();
  ts = undefined;
  await sleepMs(1);
  var m2 = process.memory().usage;
  console.log("per-task " + Math.round(((m1 - m0) / N) * 10) / 10 + " after-cancel " + (m2 - m0));
  quit();
});
