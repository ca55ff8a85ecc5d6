// Every build error is `path:line:col: kind: message`: the kind says whose
// rule it is, no bundler plugin prefix, and the dialect rule where
// TypeScript's hint would mislead.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";

var root = path.resolve(__dirname, "../../..");
var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-error-format-"));

/** The message the build of fixture `app` fails with. */
async function failure(app: string): Promise<string> {
  try {
    await build({ app: path.join(root, "test/build/fixtures", app), board: "espruino-pico", outDir: out });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(app + " built, but should have failed");
}

describe("build errors have one format", function () {
  this.timeout(120000); // a hang guard: builds are CPU-bound; no verdict here depends on it

  it("a syntax error is a syntax error at path:line:col, without the plugin's prefix", async function () {
    var m = await failure("syntax-error");
    assert.match(m, /^test\/build\/fixtures\/syntax-error\/main\.ts:5:21: syntax error: ',' expected\.$/m);
    assert.doesNotMatch(m, /plugin|TS\d+|\(\d+:\d+\)/);
  });

  it("for...of over a Map gives the dialect rule, not TypeScript's --downlevelIteration hint", async function () {
    var m = await failure("map-for-of");
    assert.match(m, /^test\/build\/fixtures\/map-for-of\/main\.ts:7:\d+: dialect rule: for\.\.\.of over a Map, a Set or an iterator does not run on Espruino/m);
    assert.doesNotMatch(m, /downlevelIteration/);
  });

  it("a return in a finally block, which Espruino ignores, is refused at its TypeScript line", async function () {
    var m = await failure("finally-return");
    assert.match(m, /^test\/build\/fixtures\/finally-return\/main\.ts:8:\d+: dialect rule: a return in a finally block does not run on Espruino: Espruino ignores a return, throw, break or continue there .*; set a variable in the finally block and act on it after the try$/m);
  });

  it("a label is named as the source names it, not as the minified bundle does", async function () {
    var m = await failure("uses-label");
    assert.match(m, /^test\/build\/fixtures\/uses-label\/main\.ts:5:3: dialect rule: a label \(rows:\) does not run on Espruino: /m);
  });
});
