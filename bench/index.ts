// npm run bench: ristretto against a baseline measured in the same run (the
// same programs compiled with TypeScript's stock ES5 helpers and run on the
// native Promise), on QuickJS and Node. Both are device bundles, built as
// they would be flashed. Prints ratios; sleeps for nothing. Then the inner
// loop's times (build, sim, npm start, --watch) beside `node -e ""`.

import childProcess = require("child_process");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../src/build/build";
import { Engine, node, quickjs } from "../src/sim/engines";
import { blinkFour, randomBlinkers, readlineThroughput, traceMemory } from "./sim";

var root = path.resolve(__dirname, "../..");
var programs = ["sleepers", "switches", "random-sleepers"];
var work = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-bench-"));
var BASELINE = { runtime: path.join(root, "bench/baseline-runtime.ts"), io: path.join(root, "bench/baseline-io.ts") };

/** The program's device bundle (what would be flashed): ristretto's, or the stock-helpers baseline. */
async function bundleOf(program: string, stock: boolean): Promise<string> {
  var dir = path.join(work, stock ? "stock" : "ristretto");
  var r = await build({
    app: path.join(root, "bench/programs", program + ".ts"),
    board: "espruino-pico",
    outDir: dir,
    baseline: stock ? BASELINE : undefined,
  });
  return fs.readFileSync(path.join(dir, r.file), "utf8");
}

type MakeEngine = () => Promise<Engine>;

async function memoryPerTask(make: MakeEngine, script: string, n: number): Promise<number> {
  var e = await make();
  e.eval(script);
  var before = e.memory()!;
  e.eval("app.start(" + n + ")");
  e.drain(1);
  var after = e.memory()!;
  e.dispose();
  return (after - before) / n;
}

/** Best of `tries` runs: nanoseconds per switch. */
async function nsPerSwitch(make: MakeEngine, script: string, n: number, rounds: number, tries: number, inside?: boolean): Promise<number> {
  var best = Infinity;
  for (var k = 0; k < tries; k++) {
    var e = await make();
    e.eval(script);
    var t0 = process.hrtime.bigint();
    e.eval("app.start(" + n + ", " + rounds + ")");
    if (inside) e.fireAll();
    else e.drain(Infinity);
    var ns = Number(process.hrtime.bigint() - t0) / (n * rounds);
    e.dispose();
    if (ns < best) best = ns;
  }
  return best;
}

function fmt(n: number, digits?: number): string {
  return n.toFixed(digits === undefined ? 0 : digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

async function main() {
  var scripts: { [k: string]: { ours: string; base: string } } = {};
  for (var p = 0; p < programs.length; p++) {
    scripts[programs[p]] = { ours: await bundleOf(programs[p], false), base: await bundleOf(programs[p], true) };
  }
  var engines: { name: string; make: MakeEngine }[] = [
    { name: "QuickJS", make: quickjs },
    { name: "Node", make: node },
  ];
  var quick = !!process.env.BENCH_QUICK, tries = quick ? 1 : 3;
  var lines: string[] = [];
  function out(s: string) {
    lines.push(s);
    console.log(s);
  }

  out("ristretto benchmark; baseline: the same programs with TypeScript's stock ES5 helpers and the native Promise; device bundles, same run");
  out("");
  var mo = await memoryPerTask(quickjs, scripts.sleepers.ours, 1000);
  var mb = await memoryPerTask(quickjs, scripts.sleepers.base, 1000);
  out("| memory per suspended task (QuickJS, 1,000 tasks in sleepMs) | ristretto | baseline | ratio | goal |");
  out("|---|---|---|---|---|");
  out("| bytes | " + fmt(mo) + " | " + fmt(mb) + " | " + (mo / mb).toFixed(2) + " | <= 0.50 |");
  out("");
  out("| task switches per second (1,000 tasks x 100 rounds of sleepMs(0)) | ristretto | baseline | ratio | goal |");
  out("|---|---|---|---|---|");
  for (var i = 0; i < engines.length; i++) {
    var so = await nsPerSwitch(engines[i].make, scripts.switches.ours, 1000, 100, tries);
    var sb = await nsPerSwitch(engines[i].make, scripts.switches.base, 1000, 100, tries);
    out("| " + engines[i].name + " | " + fmt(1e9 / so) + " | " + fmt(1e9 / sb) + " | " + (sb / so).toFixed(2) + " | " + (i === 0 ? ">= 1.50" : "(reported)") + " |");
  }
  out("");
  out("| cost per switch, tasks sleeping at random deadlines (100,000 wakeups) | 10 tasks | 10,000 tasks | ratio | goal |");
  out("|---|---|---|---|---|");
  for (i = 0; i < engines.length; i++) {
    var small = await nsPerSwitch(engines[i].make, scripts["random-sleepers"].ours, 10, 10000, tries, true);
    var large = await nsPerSwitch(engines[i].make, scripts["random-sleepers"].ours, 10000, 10, tries, true);
    out("| " + engines[i].name + " (ns) | " + fmt(small) + " | " + fmt(large) + " | " + (large / small).toFixed(2) + " | <= 2.00 |");
  }
  out("");
  out("| bundle bytes, device build (minified, lowered) | ristretto | as flashed (pretokenised) | goal (issue 13) | budgets (npm test) | before issue 13 | stock tslib + native Promise (fails the dialect check) | ristretto's scheduler share |");
  out("|---|---|---|---|---|---|---|---|");
  var dist = path.join(work, "apps");
  var sizes = JSON.parse(fs.readFileSync(path.join(root, "firmware/size-budgets.json"), "utf8"));
  var names = Object.keys(sizes.examples);
  for (i = 0; i < names.length; i++) {
    var ex = sizes.examples[names[i]], board = ex.board || sizes.board;
    var r = await build({ app: path.join(root, "firmware", names[i]), board: board, outDir: dist });
    var stock = "";
    if (names[i] === "blink" || names[i] === "blink-many") {
      stock = fmt((await build({ app: path.join(root, "firmware", names[i]), board: board, outDir: path.join(dist, "stock"), baseline: BASELINE })).bytes);
    }
    var goal = ex.goal === undefined ? "(none: newer than issue 13)" : fmt(ex.goal) + (r.bytes <= ex.goal ? " met" : r.flashed! <= ex.goal ? " met as flashed" : " not met");
    var row = [names[i] + " (" + board + ")", fmt(r.bytes), fmt(r.flashed!), goal, fmt(ex.budget) + " / " + fmt(ex.flashed), ex.before === undefined ? "" : fmt(ex.before), stock];
    out("| " + row.join(" | ") + " | " + fmt(r.schedulerBytes) + " (" + Math.round((100 * r.schedulerBytes) / r.bytes) + "%) |");
  }
  out("");
  out("| simulator (Node, virtual time) | virtual | real | ratio (virtual / real) | goal |");
  out("|---|---|---|---|---|");
  var hour = await blinkFour(1);
  out("| blink-many with four LEDs, one hour | " + fmt(hour.virtualMs) + " ms | " + fmt(hour.realMs, 1) + " ms | " + fmt(hour.virtualMs / hour.realMs) + "x | >= 10,000x |");
  var many = await randomBlinkers(10000, 10000);
  out("| 10,000 tasks blinking pins at random periods (1-100 ms) | " + fmt(many.virtualMs) + " ms | " + fmt(many.realMs) + " ms | " + fmt(many.virtualMs / many.realMs, 1) + "x |  |");
  out("| pin changes per second of real time, same run | " + fmt(many.events) + " changes | | " + fmt((many.events * 1000) / many.realMs) + " /s | >= 1,000,000 /s |");
  var mem = traceMemory(1000000);
  out("");
  out("| trace of 1,000,000 changes (8 pins, 1 in 10 analog) | compact trace | an object per change (baseline) | ratio | |");
  out("|---|---|---|---|---|");
  out("| bytes per change | " + fmt(mem.compact, 1) + " | " + fmt(mem.objects, 1) + " | " + (mem.compact / mem.objects).toFixed(2) + " | |");
  var best = function (runs: { lines: number; realMs: number }[]) {
    return runs.reduce((a, b) => (b.realMs < a.realMs ? b : a));
  };
  var ours = [], base = [];
  for (var k = 0; k < tries; k++) {
    ours.push(await readlineThroughput(60, false));
    base.push(await readlineThroughput(60, true));
  }
  var rl = best(ours), cb = best(base), wire = 11520 / 72;
  out("");
  out("| readline on the simulator, 60 s of NMEA lines (72 bytes) at 115,200 baud, 16-byte chunks | lines | real | lines per second of real time | ratio |");
  out("|---|---|---|---|---|");
  out("| uart().readline() in a task | " + fmt(rl.lines) + " | " + fmt(rl.realMs, 1) + " ms | " + fmt((rl.lines * 1000) / rl.realMs) + " | " + fmt((rl.lines * 1000) / rl.realMs / wire) + "x the wire's " + fmt(wire) + " lines/s |");
  out("| baseline: a data callback splitting lines, no scheduler | " + fmt(cb.lines) + " | " + fmt(cb.realMs, 1) + " ms | " + fmt((cb.lines * 1000) / cb.realMs) + " | readline / baseline: " + (cb.realMs / rl.realMs).toFixed(2) + " |");
  out("");
  out("The inner loop (scripts/inner-loop-times.js, alone: npm run bench:loop):");
  var loop = childProcess.spawnSync(process.execPath, [path.join(root, "scripts/inner-loop-times.js")], { encoding: "utf8" });
  (loop.stdout + loop.stderr).trim().split("\n").forEach(out);
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, lines.join("\n") + "\n");
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch(function (e) {
  console.error(e);
  process.exit(1);
});
