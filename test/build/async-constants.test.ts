// The device build makes a sleep of a constant once, not at every step
// (src/build/async-constants.ts). (The engine tests run such bundles on four
// engines; the talk's golden trace runs on the bundle simulator.)

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import ts = require("typescript");
import acorn = require("acorn");
import { lowerAsync } from "../../src/build/async-lowering";
import { hoistInstructions, instructionModule } from "../../src/build/async-constants";
import { build } from "../../src/build/build";
import type { Node } from "../../src/build/lower";

function parse(js: string): Node {
  return acorn.parse(js, { ecmaVersion: 2020, sourceType: "module" }) as unknown as Node;
}

/** TypeScript's ES5 output of `source`, lowered (sleepMs from "ristretto" is ristretto's), then its constant sleeps hoisted. */
function hoisted(source: string): string {
  var js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.ESNext, importHelpers: true } }).outputText;
  var low = lowerAsync(js, parse(js), (from) => from === "ristretto")!.code, r = hoistInstructions(low, parse(low));
  return r ? r.code : low;
}

/** What `f(...args)` of a hoisted module gives at each step, driven as the device driver does (each instruction sets its label). */
function steps(js: string, args: unknown[]): unknown[][] {
  var body = js
    .replace(/^import (\w+) from "\0ristretto-sleep:(\d+)";$/gm, "var $1 = [8, $2];")
    .replace(/^import .*$/gm, "")
    .replace(/^export /m, "var __generator = function (b) { return b; };\n");
  var step = new Function(body + "\nreturn f;")().apply(null, args), a = { label: 0 }, out: unknown[][] = [], r: unknown[];
  do out.push((r = step(a, undefined)));
  while (r[0] !== 2 && out.length < 100);
  return out;
}

describe("a sleep of a constant in the device build", function () {
  it("is one array made as the module loads, from a module of its own, whatever the await's label", function () {
    var out = hoisted('import { sleepMs } from "ristretto";\nexport async function f(n: number) { await sleepMs(100); for (var i = 0; i < n; i++) await sleepMs(100); await sleepMs(n * 2); }');
    assert.strictEqual(out.match(/^import _sleep100 from "\0ristretto-sleep:100";$/gm)!.length, 1);
    assert.match(out, /return \(_a\.label = \d, _sleep100\);/);
    assert.doesNotMatch(out, /\[8 \/\*yield\*\/, 100/);
    assert.match(out, /\[8 \/\*yield\*\/, n \* 2, _a\.label = \d\]/, "a sleep whose time varies stays as it is");
    var run = steps(out, [2]);
    assert.deepStrictEqual(run.map((r) => r[1]), [100, 100, 100, 4, undefined]);
    assert.strictEqual(run[0], run[1], "the same array every step");
    assert.strictEqual(instructionModule("\0ristretto-sleep:100"), "export default [8, 100];\n");
  });

  it("leaves what is not a state machine's sleep alone: an await, a user's array, a name the module already has", function () {
    var out = hoisted(
      'import { sleepMs } from "ristretto";\nvar _sleep5 = 1;\nexport async function f(p: PromiseLike<void>) { await p; await sleepMs(5); return pair(); }\nfunction pair() { return [8, 5]; }',
    );
    assert.match(out, /\[4 \/\*yield\*\/, p,/);
    assert.match(out, /function pair\(\) \{\s*return \[8, 5\];/);
    assert.match(out, /^import _sleep5_1 from "\0ristretto-sleep:5";$/m);
  });

  it("appears once in a bundle whose modules sleep the same time: the talk's 100 ms ticks", async function () {
    this.timeout(30000);
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-constants-")), root = path.resolve(__dirname, "../../..");
    var code = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/talk"), board: "espruino-pico", outDir: out })).file), "utf8");
    var sources = ["main.ts", "gather-event.ts", "nursery.ts", "cancel-counter.ts"].filter((f) => /sleepMs\(100\)|sleep\(0\.1\)/.test(fs.readFileSync(path.join(root, "firmware/talk", f), "utf8")));
    assert.ok(sources.length >= 2, "the talk sleeps 100 ms in more than one module: " + sources.join(", "));
    assert.strictEqual(code.match(/\[8,100\]/g)!.length, 1);
  });
});
