// By hand on Espruino's Linux interpreter (npm run bench:espruino runs it):
// task switches per second, 10 tasks x 1,000 `await sleepMs(0)` under gather,
// beside the anchor, a `Promise.resolve().then` chain of the same length,
// measured in turns in the same run; the best of three of each. Pin-free.
// Device code only.
import { gather, run, sleepMs } from "ristretto";

declare function quit(): void;

var N = 10, ROUNDS = 1000, TURNS = 3;

function promiseChain(done: (perSecond: number) => void): void {
  var n = 0, t0 = Date.now();
  function step() {
    if (++n < N * ROUNDS) Promise.resolve().then(step);
    else done((N * ROUNDS * 1000) / (Date.now() - t0));
  }
  step();
}

async function worker() {
  for (var i = 0; i < ROUNDS; i++) await sleepMs(0);
}

async function switches(): Promise<number> {
  var t0 = Date.now(), ws = [];
  for (var i = 0; i < N; i++) ws.push(worker());
  await gather(ws);
  return (N * ROUNDS * 1000) / (Date.now() - t0);
}

function anchor(): PromiseLike<number> {
  return new Promise<number>(function (resolve) {
    promiseChain(resolve);
  });
}

run(async function () {
  var best = 0, bestAnchor = 0;
  for (var k = 0; k < TURNS; k++) {
    bestAnchor = Math.max(bestAnchor, await anchor());
    best = Math.max(best, await switches());
  }
  console.log("switches/s " + Math.round(best) + " promise-chain/s " + Math.round(bestAnchor) + " ratio " + Math.round((best / bestAnchor) * 100) / 100);
  quit();
});
