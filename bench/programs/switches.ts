// n tasks taking turns `rounds` times with sleepMs(0): task switches.
import { createTask, run, sleepMs } from "ristretto";

async function worker(rounds: number) {
  for (var i = 0; i < rounds; i++) await sleepMs(0);
}

export function start(n: number, rounds: number): void {
  run(async function () {
    for (var i = 0; i < n; i++) createTask(worker(rounds));
  });
}
