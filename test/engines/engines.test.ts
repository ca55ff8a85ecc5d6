// The device bundles of the scenario programs print the same lines on Node,
// QuickJS, Duktape and mujs (the last two have no Promise and no timers: the
// harness's timer shim drives them; nor arrow functions: they run the --es5
// build of the same bundle). Needs `duk` and `mujs` (Debian packages
// duktape, mujs; .ci/run installs them): without them these tests fail.
// `scenarios` uses everything; `lean` neither then() nor try regions nor a
// foreign thenable, which its bundle therefore leaves out (src/core/features.ts).

import acorn = require("acorn");
import walk = require("acorn-walk");
import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { node, quickjs, runInCli, runToEnd } from "../../src/sim/engines";

var root = path.resolve(__dirname, "../../..");

function es2015Functions(code: string): { arrows: number; methods: number } {
  var n = { arrows: 0, methods: 0 };
  walk.full(acorn.parse(code, { ecmaVersion: 2015 }), function (x: any) {
    if (x.type === "ArrowFunctionExpression") n.arrows++;
    if (x.type === "Property" && x.method) n.methods++;
  });
  return n;
}

[
  { program: "scenarios", then: true },
  { program: "lean", then: false },
].forEach(function (p) {
  describe("the device bundle of " + p.program + " prints the same lines on every engine", function () {
    var bundle = "", es5 = "", expected: string[] = [];

    before(async function () {
      this.timeout(120000);
      var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-engines-"));
      var r = await build({ app: path.join(root, "test/engines", p.program), board: "espruino-pico", outDir: out });
      bundle = fs.readFileSync(path.join(out, r.file), "utf8");
      var out5 = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-engines-"));
      es5 = fs.readFileSync(path.join(out5, (await build({ app: path.join(root, "test/engines", p.program), board: "espruino-pico", outDir: out5, es5: true })).file), "utf8");
      expected = fs.readFileSync(path.join(root, "test/engines", p.program + ".expected.txt"), "utf8").split("\n").filter(Boolean);
    });

    it((p.then ? "keeps" : "leaves out") + " then(), the try regions and the awaiting of foreign thenables", function () {
      assert.strictEqual(/\.then=/.test(bundle), p.then, "then() assigned");
      assert.strictEqual(/\.then\(/.test(bundle), p.then, "a thenable's then() called");
      assert.strictEqual(/<\w+\[3\]/.test(bundle), p.then, "try regions (route() reading a region's end label)");
    });

    it("has arrow functions and methods, and its --es5 build neither", function () {
      var a = es2015Functions(bundle), b = es2015Functions(es5);
      assert.ok(a.arrows > 0 && a.methods > 0, "arrows and methods in the bundle: " + JSON.stringify(a));
      assert.deepStrictEqual(b, { arrows: 0, methods: 0 });
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

    it("Duktape (no Promise, ES5), given the --es5 build, prints what Node prints", function () {
      this.timeout(30000);
      assert.deepStrictEqual(runInCli("duk", es5), expected);
    });

    it("mujs (no Promise, ES5, 61 frames of stack), given the --es5 build, prints what Node prints", function () {
      this.timeout(30000);
      assert.deepStrictEqual(runInCli("mujs", es5), expected);
    });
  });
});

describe("a run in a command-line interpreter", function () {
  it("leaves nothing in the temporary folder, whether the program ends or throws", function () {
    var saved = process.env.TMPDIR, dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-cli-run-"));
    process.env.TMPDIR = dir; // os.tmpdir() reads it at each call
    try {
      assert.deepStrictEqual(runInCli("duk", 'console.log("ran", 1);'), ["ran 1"]);
      assert.throws(() => runInCli("duk", 'throw new Error("boom");'), /duk exited with 1: .*boom/);
      assert.deepStrictEqual(fs.readdirSync(dir), []);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
