// n tasks sleeping at random deadlines `rounds` times each: the timer heap
// under load. Each wakeup is one switch.
import { createTask, run, sleepMs } from "ristretto";

async function worker(rounds: number, seed: number) {
  var s = seed;
  for (var i = 0; i < rounds; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    await sleepMs(1 + ((s >>> 16) % 1000));
  }
}

export function start(n: number, rounds: number): void {
  run(async function () {
    for (var i = 0; i < n; i++) createTask(worker(rounds, i + 1));
  });
}
