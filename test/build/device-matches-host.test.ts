// Random programs (test/support/random-programs.ts), each run on the host
// and as a device bundle of its own, print the same lines at the same
// virtual times. The device build rewrites every async function it lowers
// (small-switches.ts, fallthrough-labels.ts, async-jumps.ts, ...) and leaves
// out what the features analysis finds a program cannot reach, so each
// program's bundle has its own flags: most programs use some of the
// statements only. The tests of the scheduler run on the device bundle too,
// but a program shaped as none of them is can still reach a gap. These found
// two: a body of one case resumed at label 0, which a task group read as a
// task not yet started, and timeout()'s timer took the last task of a round
// for the one running (and on Espruino, npm run test:espruino, two more: the
// history's Round 22). More seeds: RISTRETTO_SEEDS=1-500 npm test -- --grep "random programs".

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { compileApp } from "../../src/cli/app-compile";
import { createSim, loadBundleFile } from "ristretto/sim";
import { randomSeeds, writeRandomApp } from "../support/random-programs";

var BOARD = "espruino-pico";
var UNTIL_MS = 20000; // idle virtual time costs nothing; the longest of the first 500 programs ends at 6 s

/** The console as `<ms> <text>`, without the lines an exception no task retrieved adds, which differ by design (the device's stack line, the host's longer report). */
function lines(console: { t: number; text: string }[]): string[] {
  return console.filter((c) => !/^Task exception|^\s+at /.test(c.text)).map((c) => c.t + " " + c.text);
}

describe("random programs print the same lines at the same times on the host and as a device bundle", function () {
  var dir = "", compiled = "", run = randomSeeds("1-12");

  before(function () {
    this.timeout(120000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-random-"));
    writeRandomApp(dir, run);
    var c = compileApp(dir);
    assert.deepStrictEqual(c.errors, []);
    compiled = path.dirname(c.main);
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  run.forEach(function (seed) {
    it("seed " + seed + ", " + UNTIL_MS + " ms", async function () {
      var host = createSim(BOARD);
      host.startApp(path.join(compiled, "e" + seed + ".js"));
      await host.advance(UNTIL_MS);
      var expected = lines(host.console);
      assert.ok(expected.some((l) => / --- done$/.test(l)), "the program ran to its end on the host: " + expected.slice(-5).join("\n"));
      var report = await build({ app: path.join(dir, "e" + seed + ".ts"), board: BOARD, outDir: path.join(dir, "dist") });
      var device = await loadBundleFile(BOARD, path.join(dir, "dist", report.file), { memoryLimit: Infinity }); // its lines, not its memory: some programs start more tasks than a board holds
      await device.advance(UNTIL_MS);
      var got = lines(device.console);
      device.dispose();
      assert.deepStrictEqual(got, expected);
    });
  });
});
