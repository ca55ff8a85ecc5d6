// The device build's rewrites of TypeScript's async functions, on TypeScript's
// own output. (Every bundle test also runs them, on four engines.)

import assert = require("assert");
import ts = require("typescript");
import acorn = require("acorn");
import { lowerAsync } from "../../src/build/async-lowering";
import type { Node } from "../../src/build/lower";

/** TypeScript's ES5 output of `source`, with its helpers imported from tslib, lowered. */
function lowered(source: string): string {
  var js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.ESNext, importHelpers: true } }).outputText;
  var r = lowerAsync(js, acorn.parse(js, { ecmaVersion: 2020, sourceType: "module" }) as unknown as Node);
  assert.ok(r, "expected the lowering to change:\n" + js);
  return r!.code;
}

describe("the device build's async lowering", function () {
  it("unwraps __awaiter, so an async function is its state machine and nothing around it", function () {
    var out = lowered("export async function f(ms: number) { await g(ms); }\ndeclare function g(ms: number): Promise<void>;");
    assert.doesNotMatch(out, /__awaiter\(/);
    assert.match(out, /function f\(ms\) \{\s*return __generator\(this, function \(_a\b/);
  });

  it("hands the body the value it resumes with as an argument instead of _a.sent()", function () {
    var out = lowered("export async function f() { var x = await g(); return x + 1; }\ndeclare function g(): Promise<number>;");
    assert.doesNotMatch(out, /\.sent\(\)/);
    assert.match(out, /function \(_a, _s\)/);
    assert.match(out, /x = _s;/);
  });

  it("enters a try region with _a._try() instead of pushing to _a.trys", function () {
    var out = lowered("export async function f() { try { await g(); } catch (e) { h(e); } }\ndeclare function g(): Promise<void>;\ndeclare function h(e: unknown): void;");
    assert.doesNotMatch(out, /trys\.push/);
    assert.match(out, /_a\._try\(\[/);
  });

  it("reads an async method's this from the coroutine, so the driver never needs call()", function () {
    var out = lowered("export class C { n = 1; async m() { await g(); return this.n; } }\ndeclare function g(): Promise<void>;");
    assert.match(out, /return \[2 \/\*return\*\/, _a\._this\.n\]/);
    assert.doesNotMatch(out.slice(out.indexOf("function (_a")), /\bthis\b/);
  });

  it("leaves this alone inside a function of the body's own", function () {
    var out = lowered("export async function f() { await g(); return [1].map(function (this: unknown) { return this; }); }\ndeclare function g(): Promise<void>;");
    assert.match(out, /function \(\) \{ return this; \}/);
  });
});
