// The host's tests of the scheduler (the ports of uasyncio's tests, and the
// primitives'), each file built as a device bundle (DEV off, the features its
// program does not reach left out, lowered and minified as a firmware is)
// and run in QuickJS, and its --es5 build in Duktape and mujs (no Promise,
// no arrows): every test must pass there as on the host, but those
// test/support/device-suites.ts names as the host's alone (DESIGN.md
// decision 2: no device path goes untested). `npm run test:espruino` runs
// the same bundles on Espruino's own interpreter.

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { build } from "../../src/build/build";
import { quickjs, runInCli, runToEnd } from "../../src/sim/engines";
import { linesNeverRun } from "../support/device-coverage";
import { HOST_ONLY, suiteFiles, writeDeviceSuites } from "../support/device-suites";

var root = path.resolve(__dirname, "../../.."); // from .build/test/engines

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

  describe("what those bundles and the engine programs' hold of ristretto", function () {
    it("runs there, every line of it", async function () {
      if (built.length < suites.length) this.skip(); // a run of some of the files alone (--grep)
      this.timeout(120000);
      var files = built.slice(), programs = ["scenarios", "lean"], i: number;
      for (i = 0; i < programs.length; i++) {
        var out = path.join(root, ".build/device-suites", "engines-" + programs[i]);
        files.push(path.join(out, (await build({ app: path.join(root, "test/engines", programs[i]), board: "espruino-pico", outDir: out })).file));
      }
      var never = await linesNeverRun(root, files);
      assert.deepStrictEqual(
        never.map((l) => l + "  " + fs.readFileSync(path.join(root, l.split(":")[0]), "utf8").split("\n")[+l.split(":")[1] - 1].trim()),
        [],
        "lines a device bundle holds and no device run reaches: give each a test that runs on the device (one of " +
          "test/support/device-suites.ts's SUITES), or leave it to the host (DEV)",
      );
    });
  });
});
