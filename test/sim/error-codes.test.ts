// A device prints a misuse error's code alone; what each code means is one
// table (src/sim/runtime/error-codes.ts), which the README's table repeats.

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { ERROR_CODES, expandCodes } from "../../src/sim/runtime/error-codes";
import { loadBundle } from "ristretto/sim";

var ROOT = path.resolve(__dirname, "../../..");

/** Every code ristretto's sources raise: `new UsageError("E_X", ...)`. */
function raisedCodes(): string[] {
  var codes: { [code: string]: boolean } = {};
  (function walk(dir: string) {
    fs.readdirSync(dir).forEach(function (f) {
      var p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.ts$/.test(f)) {
        var re = /new UsageError\("(E_[A-Z_]+)"/g, m: RegExpExecArray | null, text = fs.readFileSync(p, "utf8");
        while ((m = re.exec(text))) if (m[1] !== "E_X") codes[m[1]] = true; // E_X: a comment's example
      }
    });
  })(path.join(ROOT, "src"));
  return Object.keys(codes).sort();
}

describe("what a misuse error's code means", function () {
  it("follows a bare code with its meaning, and leaves a message that is there, an unknown code and other text alone", function () {
    assert.strictEqual(expandCodes("UsageError [E_FLAG_BUSY]"), "UsageError [E_FLAG_BUSY]: a second task waiting on one ThreadSafeFlag, or reading one uart while another reads");
    assert.strictEqual(expandCodes("x UsageError [E_NO_TASK] y"), "x UsageError [E_NO_TASK]: currentTask() outside a task y");
    assert.strictEqual(expandCodes("UsageError [E_NO_TASK]: currentTask() was called outside a task"), "UsageError [E_NO_TASK]: currentTask() was called outside a task");
    assert.strictEqual(expandCodes("UsageError [E_NOT_A_CODE]"), "UsageError [E_NOT_A_CODE]");
    assert.strictEqual(expandCodes("E_NO_TASK"), "E_NO_TASK");
  });

  it("has a meaning for every code ristretto raises, and the README's table gives the same ones in the same words", function () {
    assert.deepStrictEqual(Object.keys(ERROR_CODES).sort(), raisedCodes());
    var rows: { [code: string]: string } = {}, m: RegExpExecArray | null, re = /^\| `(E_[A-Z_]+)` \| (.*) \|$/gm, readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    while ((m = re.exec(readme))) rows[m[1]] = m[2].replace(/`/g, "");
    assert.deepStrictEqual(rows, ERROR_CODES);
  });

  it("the bundle simulator's report of an uncaught misuse error says what its code means", async function () {
    var sim = await loadBundle(
      "espruino-pico",
      'function U(c) { this.code = c; } U.prototype.toString = function () { return "UsageError [" + this.code + "]"; };\n' +
        'setTimeout(function () { throw new U("E_CANCEL_SELF"); }, 10);',
    );
    await sim.advance(100);
    assert.strictEqual(sim.errors.length, 1);
    assert.match(sim.errors[0].message, /: UsageError \[E_CANCEL_SELF\]: a task calling cancel\(\) on itself$/);
  });
});
