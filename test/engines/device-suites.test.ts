// The host's tests of the scheduler (the ports of uasyncio's tests, and the
// primitives'), each file built as a device bundle (DEV off, the features its
// program does not reach left out, lowered and minified as a firmware is)
// and run in QuickJS: every test must pass there as on the host, but those
// test/support/device-suites.ts names as the host's alone (DESIGN.md
// decision 2: no device path goes untested). `npm run test:espruino` runs
// the same bundles on Espruino's own interpreter.

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { build } from "../../src/build/build";
import { quickjs, runToEnd } from "../../src/sim/engines";
import { HOST_ONLY, suiteFiles, writeDeviceSuites } from "../support/device-suites";

var root = path.resolve(__dirname, "../../.."); // from .build/test/engines

describe("the host's tests of the scheduler, on the device bundle", function () {
  var suites = writeDeviceSuites(root, path.join(root, ".build/device-suites"));

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
    it(s.file + ": every test passes" + (s.skip.length ? " (" + s.skip.length + " the host's alone)" : ""), async function () {
      this.timeout(120000);
      var out = path.join(s.app, "dist"), r = await build({ app: s.app, board: "espruino-pico", outDir: out });
      var lines = await runToEnd(quickjs, fs.readFileSync(path.join(out, r.file), "utf8"));
      assert.deepStrictEqual(
        lines.filter((l) => !/^(ok|skip) /.test(l)),
        [],
      );
      assert.strictEqual(lines.length, s.tests, "a verdict for each test: " + lines.join("\n"));
      assert.strictEqual(lines.filter((l) => /^skip /.test(l)).length, s.skip.length, "every test named as the host's alone is one of the file's");
    });
  });
});
