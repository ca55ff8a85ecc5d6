// By hand on Espruino's Linux interpreter (npm run bench:espruino runs it):
// task switches per second, 10 tasks x 1,000 `await sleepMs(0)` under gather,
// beside the anchor, a `Promise.resolve().then` chain of the same length,
// measured in turns in the same run; the best of three of each. Pin-free.
// With a global PROBE_ONLY ("switches", "anchor" or "none") set before the
// bundle, it runs one turn of that side alone, PROBE_ROUNDS rounds, and prints
// nothing: npm run bench:espruino counts the instructions each side takes
// under valgrind, a figure the machine's load does not move. Device code only.
import { gather, run, sleepMs } from "ristretto";

declare function quit(): void;
declare var PROBE_ONLY: string | undefined, PROBE_ROUNDS: number | undefined;

var ONLY = typeof PROBE_ONLY === "string" ? PROBE_ONLY : "";
var N = 10, ROUNDS = typeof PROBE_ROUNDS === "number" ? PROBE_ROUNDS : 1000, TURNS = ONLY ? 1 : 3;

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
    if (!ONLY || ONLY === "anchor") bestAnchor = Math.max(bestAnchor, await anchor());
    if (!ONLY || ONLY === "switches") best = Math.max(best, await switches());
  }
  if (!ONLY) console.log("switches/s " + Math.round(best) + " promise-chain/s " + Math.round(bestAnchor) + " ratio " + Math.round((best / bestAnchor) * 100) / 100);
  quit();
});
