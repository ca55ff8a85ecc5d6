// n tasks, each suspended in sleepMs: the memory a suspended task costs.
import { createTask, run, sleepMs } from "ristretto";

async function sleeper() {
  await sleepMs(1e9);
}

export function start(n: number): void {
  run(async function () {
    for (var i = 0; i < n; i++) createTask(sleeper());
  });
}
