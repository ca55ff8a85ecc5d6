// The host's tests of the scheduler (the ports of uasyncio's tests, and the
// primitives'), each file built as a device bundle (DEV off, the features its
// program does not reach left out, lowered and minified as a firmware is)
// and run in QuickJS, and its --es5 build in Duktape and mujs (no Promise,
// no arrows): every test must pass there as on the host, but those
// test/support/device-suites.ts names as the host's alone (DESIGN.md
// decision 2: no device path goes untested). Then every line of src/ that
// those bundles, the engine programs' and the examples' hold must run in
// them (test/support/device-coverage.ts). `npm run test:espruino` runs the
// same bundles on Espruino's own interpreter, `npm run test:jerryscript`
// on JerryScript.

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import vm = require("vm");
import { build } from "../../src/build/build";
import { loadBundle } from "../../src/sim/bundle-sim";
import type { BundleSim } from "../../src/sim/bundle-sim";
import { quickjs, runInCli, runToEnd } from "../../src/sim/engines";
import { SHIM } from "../../src/sim/timer-shim";
import { addLines, neverRun, probe } from "../support/device-coverage";
import type { Lines } from "../support/device-coverage";
import { HOST_ONLY, suiteFiles, writeDeviceSuites } from "../support/device-suites";
import { appDir, EXAMPLES, feed } from "../support/example-runs";

var root = path.resolve(__dirname, "../../.."); // from .build/test/engines

/** Lines of src/ ("file  text") that no run here reaches, and where they run instead. */
var ELSEWHERE: { [line: string]: string } = {
  'src/core/unretrieved.ts  if (RUNTIME !== "espruino" && s instanceof Array) s = "  at " + s[0];':
    "JerryScript's stack is an array; the bundle simulator runs Kaluma's bundles in QuickJS, whose stack is a string",
};

describe("the host's tests of the scheduler, on the device bundle", function () {
  var suites = writeDeviceSuites(root, path.join(root, ".build/device-suites")), built: string[] = [];

  it("covers every test file but those only the host can run", function () {
    var files = suiteFiles(root), whole = Object.keys(HOST_ONLY).filter((f) => typeof HOST_ONLY[f] === "string");
    assert.ok(files.length >= 35, "test files read: " + files.length);
    assert.deepStrictEqual(
      Object.keys(HOST_ONLY).filter((f) => files.indexOf(f) < 0),
      [],
      "HOST_ONLY names files that are not tests",
    );
    assert.strictEqual(suites.length + whole.length, files.length);
  });

  suites.forEach(function (s) {
    describe(s.file + (s.skip.length ? " (" + s.skip.length + " of its tests the host's alone)" : ""), function () {
      var bundle = "", es5 = "";

      before(async function () {
        this.timeout(120000);
        var out = path.join(s.app, "dist"), out5 = path.join(s.app, "dist-es5");
        var file = path.join(out, (await build({ app: s.app, board: "espruino-pico", outDir: out })).file);
        bundle = fs.readFileSync(file, "utf8");
        built.push(file);
        es5 = fs.readFileSync(path.join(out5, (await build({ app: s.app, board: "espruino-pico", outDir: out5, es5: true })).file), "utf8");
      });

      function passes(lines: string[]) {
        assert.deepStrictEqual(
          lines.filter((l) => !/^(ok|skip) /.test(l)),
          [],
        );
        assert.strictEqual(lines.length, s.tests, "a verdict for each test: " + lines.join("\n"));
        assert.strictEqual(lines.filter((l) => /^skip /.test(l)).length, s.skip.length, "every test named as the host's alone is one of the file's");
      }

      it("every test passes on QuickJS", async function () {
        this.timeout(30000);
        passes(await runToEnd(quickjs, bundle));
      });

      it("and on Duktape, given the --es5 build", function () {
        this.timeout(30000);
        passes(runInCli("duk", es5));
      });

      it("and on mujs, given the --es5 build", function () {
        this.timeout(30000);
        passes(runInCli("mujs", es5));
      });
    });
  });

  describe("what those bundles, the engine programs' and the examples' hold of ristretto", function () {
    it("runs on a device, every line of it", async function () {
      if (built.length < suites.length) this.skip(); // a run of some of the files alone (--grep)
      this.timeout(300000);
      var lines: Lines = {}, programs = ["scenarios", "lean"], out = path.join(root, ".build/device-suites/coverage"), i: number, j: number;
      function inNode(file: string): void {
        var p = probe(file), said: string[] = [], context = vm.createContext({ __print: (l: string) => said.push(l) });
        vm.runInContext(SHIM + "\n" + p.code + "\nwhile (__fire(Infinity));", context);
        assert.deepStrictEqual(said.filter((l) => /^not ok /.test(l)), [], file + " with probes");
        addLines(root, p, context.__probes, lines);
      }
      /** What a run on the bundle simulator printed, but where in the bundle an error was thrown (the probes move it). */
      function printed(sim: BundleSim): string[] {
        return sim.console.filter((c) => !/^ +at /.test(c.text)).map((c) => c.t + " " + c.text);
      }
      built.forEach(inNode);
      for (i = 0; i < programs.length; i++) {
        inNode(path.join(out, (await build({ app: path.join(root, "test/engines", programs[i]), board: "espruino-pico", outDir: out })).file));
      }
      // The examples and test/firmware/io-paths on the bundle simulator, as test/firmware/bundles.test.ts runs
      // them: with probes, and without, which must print the same.
      for (i = 0; i < EXAMPLES.length; i++) {
        for (j = 0; j < EXAMPLES[i].boards.length; j++) {
          var board = EXAMPLES[i].boards[j], file = path.join(out, (await build({ app: appDir(EXAMPLES[i].app), board: board, outDir: out })).file);
          var p = probe(file), probed = await loadBundle(board, p.code), plain = await loadBundle(board, fs.readFileSync(file, "utf8"));
          for (var sim of [probed, plain]) {
            feed(sim, EXAMPLES[i]);
            await sim.advance(EXAMPLES[i].untilMs);
          }
          assert.deepStrictEqual(printed(probed), printed(plain), file + " with probes");
          addLines(root, p, JSON.parse(probed.eval("JSON.stringify(__probes)") as string), lines);
          probed.dispose();
          plain.dispose();
        }
      }
      assert.deepStrictEqual(
        neverRun(root, lines, /^src\//).filter((l) => !ELSEWHERE[l.replace(/:\d+ /, " ")]),
        [],
        "lines a device bundle holds and no device run reaches: give each a test that runs on the device (a test file " +
          "of test/support/device-suites.ts's SUITES; test/firmware/io-paths for ristretto/io), or leave it to the host (DEV)",
      );
    });
  });
});
