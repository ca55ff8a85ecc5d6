// The device bundles of the scenario programs print the same lines on Node,
// QuickJS, Duktape and mujs (the last two have no Promise and no timers: the
// harness's timer shim drives them). Needs `duk` and `mujs` (Debian packages
// duktape, mujs; .ci/run installs them): without them these tests fail.
// `scenarios` uses everything; `lean` neither then() nor try regions, which
// its bundle therefore leaves out (src/core/features.ts).

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { node, quickjs, runInCli, runToEnd } from "../../src/sim/engines";

var root = path.resolve(__dirname, "../../..");

[
  { program: "scenarios", then: true },
  { program: "lean", then: false },
].forEach(function (p) {
  describe("the device bundle of " + p.program + " prints the same lines on every engine", function () {
    var bundle = "", expected: string[] = [];

    before(async function () {
      this.timeout(120000);
      var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-engines-"));
      var r = await build({ app: path.join(root, "test/engines", p.program), board: "espruino-pico", outDir: out });
      bundle = fs.readFileSync(path.join(out, r.file), "utf8");
      expected = fs.readFileSync(path.join(root, "test/engines", p.program + ".expected.txt"), "utf8").split("\n").filter(Boolean);
    });

    it((p.then ? "keeps" : "leaves out") + " then() and the try regions", function () {
      assert.strictEqual(/\.then=/.test(bundle), p.then, "then() assigned");
      assert.strictEqual(/\{length:0\}/.test(bundle), p.then, "try regions (the shared empty list of a coroutine that entered none)");
    });

    it("Node prints the expected lines", async function () {
      assert.deepStrictEqual(await runToEnd(node, bundle), expected);
    });

    it("its readable build (--no-minify) prints them too", async function () {
      this.timeout(120000);
      var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-engines-"));
      var r = await build({ app: path.join(root, "test/engines", p.program), board: "espruino-pico", outDir: out, minify: false });
      assert.deepStrictEqual(await runToEnd(node, fs.readFileSync(path.join(out, r.file), "utf8")), expected);
    });

    it("QuickJS prints what Node prints", async function () {
      this.timeout(30000);
      assert.deepStrictEqual(await runToEnd(quickjs, bundle), expected);
    });

    it("Duktape (no Promise) prints what Node prints", function () {
      this.timeout(30000);
      assert.deepStrictEqual(runInCli("duk", bundle), expected);
    });

    it("mujs (no Promise, 61 frames of stack) prints what Node prints", function () {
      this.timeout(30000);
      assert.deepStrictEqual(runInCli("mujs", bundle), expected);
    });
  });
});
