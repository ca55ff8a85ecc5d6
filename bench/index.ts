// npm run bench: ristretto against a baseline measured in the same run (the
// same programs compiled with TypeScript's stock ES5 helpers and run on the
// native Promise), on QuickJS and Node. Prints ratios; sleeps for nothing.

import fs = require("fs");
import path = require("path");
import ts = require("typescript");
import { build } from "../src/build/build";
import { bundle } from "./bundle";
import { Engine, node, quickjs } from "../src/sim/engines";

var root = path.resolve(__dirname, "../..");
var compiled = path.join(root, ".build");
var programs = ["sleepers", "switches", "random-sleepers"];

function ours(program: string): string {
  return bundle(path.join(compiled, "bench/programs", program + ".js"), {
    tslib: path.join(compiled, "src/core/tslib.js"),
    ristretto: path.join(compiled, "src/index.js"),
  });
}

function baseline(program: string): string {
  var src = fs.readFileSync(path.join(root, "bench/programs", program + ".ts"), "utf8");
  var js = ts.transpileModule(src, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS, lib: ["es2015"] } }).outputText;
  var file = path.join(compiled, "bench/baseline", program + ".js");
  var sources: { [f: string]: string } = {};
  sources[file] = js;
  return bundle(file, { ristretto: path.join(compiled, "bench/baseline-runtime.js") }, sources);
}

type MakeEngine = () => Promise<Engine>;

async function memoryPerTask(make: MakeEngine, script: string, n: number): Promise<number> {
  var e = await make();
  e.eval(script);
  var before = e.memory()!;
  e.eval("R.start(" + n + ")");
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
    e.eval("R.start(" + n + ", " + rounds + ")");
    if (inside) e.fireAll();
    else e.drain(Infinity);
    var ns = Number(process.hrtime.bigint() - t0) / (n * rounds);
    e.dispose();
    if (ns < best) best = ns;
  }
  return best;
}

function pad(s: string | number, w: number): string {
  var t = String(s);
  while (t.length < w) t = " " + t;
  return t;
}

function fmt(n: number, digits?: number): string {
  return n.toFixed(digits === undefined ? 0 : digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

async function main() {
  var scripts: { [k: string]: { ours: string; base: string } } = {};
  programs.forEach(function (p) {
    scripts[p] = { ours: ours(p), base: baseline(p) };
  });
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

  out("ristretto benchmark; baseline: the same programs with TypeScript's stock ES5 helpers and the native Promise, same run");
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
  out("| bundle bytes, device build for Espruino (minified, lowered) | ristretto | stock tslib + native Promise (fails the dialect check) | ristretto's scheduler share |");
  out("|---|---|---|---|");
  var dist = fs.mkdtempSync(path.join(require("os").tmpdir(), "ristretto-bench-"));
  var apps = [
    ["blink", "firmware/blink"],
    ["blink-many", "firmware/blink-many"],
    ["scenario bundle (engine tests)", "test/engines/scenarios"],
  ];
  for (i = 0; i < apps.length; i++) {
    var r = await build({ app: path.join(root, apps[i][1]), board: "espruino", outDir: dist });
    var stock = "(uses gather, taskGroup, ...: no stock equivalent)";
    if (i < 2) {
      var b = await build({ app: path.join(root, apps[i][1]), board: "espruino", outDir: path.join(dist, "stock"), baseline: { runtime: path.join(root, "bench/baseline-runtime.ts") } });
      stock = fmt(b.bytes);
    }
    out("| " + apps[i][0] + " | " + fmt(r.bytes) + " | " + stock + " | " + fmt(r.schedulerBytes) + " (" + Math.round((100 * r.schedulerBytes) / r.bytes) + "%) |");
  }
  out("goal: blink-many (two LEDs) at most 3,072 bytes");
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, lines.join("\n") + "\n");
}

main().catch(function (e) {
  console.error(e);
  process.exit(1);
});
