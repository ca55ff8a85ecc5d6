// ristretto sim checks what ristretto build checks, before anything runs:
// the same dialect and board rules, with the same lines and messages.

import assert = require("assert");
import os = require("os");
import fs = require("fs");
import path = require("path");
import { main } from "../../src/cli/ristretto";
import { fakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../..");
var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-sim-checks-"));

async function ristretto(args: string[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), code = await main(args, io);
  return { code: code, out: io.stdout, err: io.stderr };
}

/** "file:line: kind: message" of each error line: the column is left out, as the build maps it through the minifier. */
function lines(err: string): string[] {
  return err
    .trim()
    .split("\n")
    .map((l) => l.replace(/^([^:]+:\d+):\d+:/, "$1:"));
}

describe("ristretto sim checks what ristretto build checks", function () {
  this.timeout(120000); // a hang guard: the build is CPU-bound; no verdict here depends on it

  it("a regular expression Espruino cannot run stops sim with the build's dialect rule, before the firmware runs", async function () {
    var app = path.relative(ROOT, path.join(ROOT, "test/build/fixtures/uses-lookahead"));
    var sim = await ristretto(["sim", app, "--board", "espruino-pico", "--no-tty"]);
    var build = await ristretto(["build", app, "--board", "espruino-pico", "--out", out]);
    assert.deepStrictEqual([sim.code, build.code], [1, 1]);
    assert.strictEqual(sim.out, "", "nothing ran");
    assert.match(sim.err, /^test\/build\/fixtures\/uses-lookahead\/main\.ts:7:\d+: dialect rule: the regular expression \/a\(\?=b\)\/ does not run on Espruino: /);
    assert.deepStrictEqual(lines(sim.err), lines(build.err));
  });

  it("an app with try blocks around awaits simulates: TypeScript's try regions are lowered before the dialect check, as the build does", async function () {
    var sim = await ristretto(["sim", "firmware/talk", "--board", "espruino-pico", "--until", "1s", "--no-tty"]);
    assert.strictEqual(sim.err, "");
    assert.strictEqual(sim.code, 0);
  });

  it("a pin the board lacks stops sim with the build's board check", async function () {
    var sim = await ristretto(["sim", "firmware/blink-many", "--board", "pico", "--no-tty"]);
    var build = await ristretto(["build", "firmware/blink-many", "--board", "pico", "--out", out]);
    assert.deepStrictEqual([sim.code, build.code], [1, 1]);
    assert.deepStrictEqual(sim.err, build.err);
  });
});
