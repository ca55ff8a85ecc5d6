// The device bundle of the scenario programs prints the same lines on Node,
// QuickJS, Duktape and mujs (the last two have no Promise and no timers: the
// harness's timer shim drives them). Needs `duk` and `mujs` (Debian packages
// duktape, mujs; .ci/run installs them): without them these tests fail.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { node, quickjs, runInCli, runToEnd } from "../../src/sim/engines";

var root = path.resolve(__dirname, "../../..");
var golden = path.join(root, "test/engines/scenarios.expected.txt");

describe("the device bundle prints the same lines on every engine", function () {
  var bundle = "", expected: string[] = [];

  before(async function () {
    this.timeout(120000);
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-engines-"));
    var r = await build({ app: path.join(root, "test/engines/scenarios"), board: "espruino-pico", outDir: out });
    bundle = fs.readFileSync(path.join(out, r.file), "utf8");
    expected = fs.readFileSync(golden, "utf8").split("\n").filter(Boolean);
  });

  it("Node prints the expected lines", async function () {
    assert.deepStrictEqual(await runToEnd(node, bundle), expected);
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
