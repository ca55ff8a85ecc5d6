// Counted in machine instructions on Espruino's Linux interpreter (npm run
// bench:espruino runs it under valgrind, scripts/espruino-wakes.js): 10 tasks
// x PROBE_ROUNDS `await sleepMs(d)` under gather, d from 1 to 4 ms, each a
// wake from the timer list (what a blink does), beside the anchor: 10 chains
// of hand-written setTimeout callbacks with the same delays. PROBE_ONLY
// ("wakes", "anchor" or "none") picks the side. The bench gives the bundle a
// clock of its own, Date.now and the timers as a queue in JavaScript, so the
// count does not depend on how long the machine takes. Device code only.
import { gather, run, sleepMs } from "ristretto";

declare function quit(): void;
declare var PROBE_ONLY: string | undefined, PROBE_ROUNDS: number | undefined;

var ONLY = typeof PROBE_ONLY === "string" ? PROBE_ONLY : "wakes";
var N = 10, ROUNDS = typeof PROBE_ROUNDS === "number" ? PROBE_ROUNDS : 100;

function delay(i: number): number {
  return 1 + (i % 4);
}

async function sleeper(i: number) {
  for (var k = 0; k < ROUNDS; k++) await sleepMs(delay(i));
}

function callbacks(i: number, done: () => void): void {
  var k = 0;
  function step() {
    if (++k < ROUNDS) setTimeout(step, delay(i));
    else done();
  }
  setTimeout(step, delay(i));
}

if (ONLY === "wakes") {
  run(async function () {
    var ts = [];
    for (var i = 0; i < N; i++) ts.push(sleeper(i));
    await gather(ts);
    quit();
  });
} else if (ONLY === "anchor") {
  var left = N;
  for (var i = 0; i < N; i++) {
    callbacks(i, function () {
      if (!--left) quit();
    });
  }
}
