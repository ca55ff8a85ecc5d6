#!/usr/bin/env node
// npm run test:jerryscript: device bundles for Kaluma's pico on JerryScript,
// Kaluma's engine: $JERRY, or a native `jerry` on PATH (JerryScript's own
// command line, `python3 tools/build.py --profile=es.next`). The checks are
// device-runs.js's, as test:espruino's: the host's tests of the scheduler,
// the engine programs, the talk and random programs, in virtual time, each
// bundle as built. Kaluma's millis() is the shim's clock. Not part of npm
// test: CI has no JerryScript. Exits with 1 when anything differs.

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");
var interpreter = require("./interpreter");
var runs = require("./device-runs");

var root = path.resolve(__dirname, "..");

var JERRY = {
  env: "JERRY",
  command: "jerry",
  missing: "No JerryScript interpreter: set JERRY=/path/to/jerry (JerryScript's: python3 tools/build.py --profile=es.next) or put it on PATH.",
  /** "3.0.0 (50200152f)" or the like. */
  version: function (bin) {
    var printed = childProcess.spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout || "";
    return (/\d+\.\d+\.\d+( \(\w+\))?/.exec(printed) || ["(version unknown)"])[0];
  },
};

/** What JerryScript cannot run of the host's tests, and why. */
var CANNOT = {
  "test/core/task.test.ts": {
    "nested awaits 10,000 deep run without growing the JavaScript stack": "10,000 coroutines outgrow JerryScript's default heap of 512 KB (Kaluma's is 180 KB)",
  },
};

/** What `bundle` prints on `bin`, in virtual time: its lines, without a stack line's. */
function runOn(bin, bundle) {
  var code = fs.readFileSync(bundle, "utf8").replace(/\n?\/\/# sourceMappingURL=.*/, ""), file = bundle.replace(/\.js$/, ".jerry.js");
  var shim = require(path.join(root, ".build/src/sim/timer-shim.js")).SHIM;
  fs.writeFileSync(file, "var __print = print;\n" + shim + "\nvar millis = function () { return Date.now(); };\n" + code + "\n;while (__fire(Infinity));\n");
  var r = childProcess.spawnSync(bin, [file], { encoding: "utf8", timeout: runs.HANG_MS, maxBuffer: 1 << 26 });
  return runs.printed(r).split("\n").filter(function (l) {
    return l !== "" && !/^ +at /.test(l);
  });
}

async function main() {
  var run = interpreter.setUp(root, "test-jerryscript", JERRY);
  if (!run) return;
  console.log("JerryScript " + run.version + " at " + run.bin + "; each bundle as built, for Kaluma's pico");
  Object.keys(CANNOT).forEach(function (f) {
    Object.keys(CANNOT[f]).forEach(function (t) {
      console.log("skip " + f + ': "' + t + '": ' + CANNOT[f][t]);
    });
  });
  await runs.runDeviceChecks({
    build: run.build,
    out: run.out,
    board: "pico",
    talkBoard: "pico",
    forms: [""],
    cannot: CANNOT,
    runOn: function (bundle) {
      return runOn(run.bin, bundle);
    },
  });
}

main().catch(function (e) {
  console.error(e);
  process.exitCode = 1;
});
