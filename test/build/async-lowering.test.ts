// The device build's rewrites of TypeScript's async functions, on TypeScript's
// own output. (Every bundle test also runs them, on four engines.)

import assert = require("assert");
import ts = require("typescript");
import acorn = require("acorn");
import { lowerAsync } from "../../src/build/async-lowering";
import type { Node } from "../../src/build/lower";

/** TypeScript's ES5 output of `source`, with its helpers imported from tslib, lowered (sleepMs from "ristretto" is ristretto's). */
function lowered(source: string): string {
  var js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.ESNext, importHelpers: true } }).outputText;
  var r = lowerAsync(js, acorn.parse(js, { ecmaVersion: 2020, sourceType: "module" }) as unknown as Node, function (from) {
    return from === "ristretto";
  });
  assert.ok(r, "expected the lowering to change:\n" + js);
  return r!.code;
}

/**
 * Runs a lowered module's async function `f` on a minimal driver of the
 * coroutine protocol as the device driver runs it (an await's body sets the
 * label it resumes at), with `g(x)` giving x and each await giving its
 * operand back: what it awaited, in order, and what it returned.
 */
function drive(js: string, args: unknown[]): { awaited: unknown[]; result: unknown } {
  var body = js.replace(/^import .*$/gm, "").replace(/^export /m, "var __generator = function (b) { return b; }, g = function (i) { return i; };\n");
  var f = new Function(body + "\nreturn f;")(), step = f.apply(null, args), a = { label: 0, _try: function () {} }, v: unknown, awaited: unknown[] = [];
  for (var n = 0; n < 1000; n++) {
    var r = step(a, v);
    if (r[0] === 4 || r[0] === 8) awaited.push((v = r[1])); // the body has set the label it resumes at (rewrite 6); 8: a sleep (rewrite 7)
    else if (r[0] === 3) a.label = r[1];
    else if (r[0] === 2) return { awaited: awaited, result: r[1] };
    else throw new Error("unexpected instruction " + JSON.stringify(r));
  }
  throw new Error("the body never returned");
}

describe("the device build's async lowering", function () {
  it("unwraps __awaiter, so an async function is its state machine and nothing around it", function () {
    var out = lowered("export async function f(ms: number) { await g(ms); }\ndeclare function g(ms: number): Promise<void>;");
    assert.doesNotMatch(out, /__awaiter\(/);
    assert.match(out, /function f\(ms\) \{\s*return __generator\(function \(_a\b/);
  });

  it("hands the body the value it resumes with as an argument instead of _a.sent()", function () {
    var out = lowered("export async function f() { var x = await g(); return x + 1; }\ndeclare function g(): Promise<number>;");
    assert.doesNotMatch(out, /\.sent\(\)/);
    assert.match(out, /function \(_a, _s\)/);
    assert.match(out, /x = _s;/);
  });

  it("enters a try region in no other by setting _a.trys, and one inside another with _a._try(), instead of pushing to _a.trys", function () {
    var out = lowered("export async function f() { try { await g(); } catch (e) { h(e); } }\ndeclare function g(): Promise<void>;\ndeclare function h(e: unknown): void;");
    assert.doesNotMatch(out, /trys\.push|_try/);
    assert.match(out, /_a\.trys = \[\[0, 2, 0, 3\]\];/);
    // Inside another (each region is left before the next at its level is entered: the stack then holds only those around it).
    out = lowered("export async function f() { var n = 0; try { n += await g(1); try { n += await g(2); } catch (e) { n = -1; } } catch (e) { n = -2; } return n; }\ndeclare function g(i: number): Promise<number>;");
    assert.strictEqual((out.match(/_\w+\.trys = \[\[/g) || []).length, 1, out);
    assert.strictEqual((out.match(/_\w+\._try\(\[/g) || []).length, 1, out);
    var step = new Function("var __generator = function (b) { return b; }, g = function (i) { return i; };\n" + out.replace(/^import .*$/gm, "").replace(/^export /m, "") + "\nreturn f;")()();
    var a: { label: number; trys?: unknown[][]; _try(r: unknown[]): void } = { label: 0, _try: function (r) { this.trys!.push(r); } };
    assert.deepStrictEqual(step(a)[0], 4);
    assert.strictEqual(a.trys!.length, 1, "the outer region, set");
    step(a, 1); // resumes where the await's instruction set the label
    assert.strictEqual(a.trys!.length, 2, "the inner one, pushed onto it: " + JSON.stringify(a.trys));
  });

  it("writes a try region's missing catch or finally label as 0, not as a hole", function () {
    var out = lowered("export async function f() { try { await g(); } catch (e) { h(e); } try { await g(); } finally { h(0); } }\ndeclare function g(): Promise<void>;\ndeclare function h(e: unknown): void;");
    assert.match(out, /_a\.trys = \[\[\d+, \d+, 0, \d+\]\]/, "try/catch: no finally");
    assert.match(out, /_a\.trys = \[\[\d+, 0, \d+, \d+\]\]/, "try/finally: no catch");
    assert.doesNotMatch(out, /, ,/);
  });

  it("rewrites a state machine inside another once, by its own pass: a try region's label 0, and what it resumes with", function () {
    // TypeScript names both bodies' state _a; the outer's pass once wrote 0 into the inner's region too ([1, 3, 00, 4]: an octal literal, which fails the build).
    var out = lowered(
      "export async function f() { try { await g(async () => { try { await g(0); } catch (e) { h(e); } var x = await g(1); return x; }); } catch (e) { h(e); } }\ndeclare function g(x: unknown): Promise<number>;\ndeclare function h(e: unknown): void;",
    );
    assert.doesNotMatch(out, /\b00\b/);
    assert.strictEqual((out.match(/_a\.trys = \[\[\d+, \d+, 0, \d+\]\]/g) || []).length, 2, out);
    assert.match(out, /function \(_a, _s\) \{[^]*x = _s;/, "the inner body reads what it resumes with from its own parameter");
    acorn.parse(out, { ecmaVersion: 2020, sourceType: "module" });
  });

  it("gives an async method's body its this in a variable of the method, so the driver never needs call()", function () {
    var out = lowered("export class C { n = 1; async m() { await g(); return this.n; } }\ndeclare function g(): Promise<void>;");
    assert.match(out, /\.m = function \(\) \{ var _self = this;/);
    assert.match(out, /return __generator\(function \(_a\)/);
    assert.match(out, /return \[2 \/\*return\*\/, _self\.n\]/);
    assert.doesNotMatch(out.slice(out.indexOf("function (_a")), /\bthis\b/);
  });

  it("takes the parameters of an async function with defaults, and runs the defaults before its body", function () {
    var out = lowered("export async function f(a: number, b = 40) { await g(a); return a + b; }\ndeclare function g(x: number): Promise<number>;");
    assert.doesNotMatch(out, /__awaiter\(|arguments/);
    assert.match(out, /function f\(a, b\) \{\s*if \(b === void 0\) \{ b = 40; \}\s*return __generator\(\s*function \(_a/);
    assert.deepStrictEqual(drive(out, [2]), { awaited: [2], result: 42 });
    assert.deepStrictEqual(drive(out, [2, 3]), { awaited: [2], result: 5 });
  });

  it("gives the body its this also where __awaiter stays (a body that reads arguments)", function () {
    var out = lowered("export class C { n = 1; async m(a = 2) { var h = 2; await g(); return this.n + h + a + arguments.length; } }\ndeclare function g(): Promise<void>;");
    assert.match(out, /__awaiter\(/);
    var C = new Function(
      "__awaiter", "__generator", "g",
      out.replace(/^import .*$/gm, "").replace(/^export /m, "") + "\nreturn C;",
    )(function (self: unknown, args: unknown, P: unknown, fn: Function) {
      return fn.apply(self, args);
    }, function (b: unknown) {
      return b;
    }, function () {});
    var body = new C().m(10), a = { label: 0 }, r = body(a);
    assert.strictEqual(r[0], 4);
    assert.deepStrictEqual(body(a), [2, 14]);
  });

  it("leaves this alone inside a function of the body's own", function () {
    var out = lowered("export async function f() { await g(); return [1].map(function (this: unknown) { return this; }); }\ndeclare function g(): Promise<void>;");
    assert.match(out, /function \(\) \{ return this; \}/);
  });

  it("runs a loop's step after its await without a second pass through the switch, and jumps to a bare return by returning", function () {
    var src = "export async function f(n: number) { var sum = 0; for (var i = 0; i < n; i++) sum += await g(i); return sum; }\ndeclare function g(i: number): Promise<number>;";
    var out = lowered(src);
    assert.match(out, /case 2:/);
    assert.doesNotMatch(out, /\.label = 3;|case 3:/);
    assert.doesNotMatch(out, /\[3 \/\*break\*\/, 4\]|\.label = 4;/);
    assert.deepStrictEqual(drive(out, [4]), { awaited: [0, 1, 2, 3], result: 6 });
  });

  it("copies a loop's short test and await to the jump back to it, and drops the case nothing reaches any more", function () {
    var src = "export async function f(n: number) { for (var i = 0; i < n; i++) await g(i); return n; }\ndeclare function g(i: number): Promise<number>;";
    var out = lowered(src);
    // The copy writes no label: its await resumes at case 2, where it runs.
    assert.match(out, /\{ if \(!\(i < n\)\) return \[2 \/\*return\*\/, n\];\s*return \[4 \/\*yield\*\/, g\(i\)\]; \}/);
    assert.doesNotMatch(out, /continue|for \(;;\) switch|case 4:/);
    assert.deepStrictEqual(drive(out, [3]), { awaited: [0, 1, 2], result: 3 });
    assert.deepStrictEqual(drive(out, [0]), { awaited: [], result: 0 });
  });

  it("copies a case with the edits of the others: an async method's this in the copy is the method's variable", function () {
    var out = lowered("export class C { n = 2; async m() { for (var i = 0; i < this.n; i++) await g(i); } }\ndeclare function g(i: number): Promise<void>;");
    assert.match(out, /\{ if \(!\(i < _self\.n\)\)/);
    assert.doesNotMatch(out.slice(out.indexOf("function (_a")), /\bthis\b/);
  });

  it("has each await set the label it resumes at, after its operand, so a loop's step writes no label", function () {
    // In a try region too (where the other rewrites leave the body as it is): an exception in the operand is still at the await's own label.
    var out = lowered("export async function f() { try { await g(-1); } catch (e) { return 0; } return 1; }\ndeclare function g(i: number): Promise<number>;");
    assert.match(out, /return \[4 \/\*yield\*\/, g\(-1\), _a\.label = 1\];/);
    out = lowered("export async function f(n: number) { for (var i = 0; i < n; i++) await g(i); return n; }\ndeclare function g(i: number): Promise<number>;");
    assert.match(out, /return \[4 \/\*yield\*\/, g\(i\), _a\.label = 2\];/);
    var step = out.slice(out.indexOf("case 2:"));
    assert.doesNotMatch(step, /_a\.label = /);
    assert.deepStrictEqual(drive(out, [2]), { awaited: [0, 1], result: 2 });
  });

  it("drops, in a body with try regions, only the case nothing reaches: the one after an endless loop", function () {
    var src = "export async function f() { var n = 0; for (;;) { try { n += await g(1); } catch (e) { n = -9; } if (n > 2) return n; } }\ndeclare function g(i: number): Promise<number>;";
    var out = lowered(src);
    assert.match(out, /_b\.trys = \[\[1, 3, 0, 4\]\]/);
    assert.match(out, /case 3:[^]*case 4:[^]*case 5: return \[3 \/\*break\*\/, 1\];/); // the catch, the end of the region, the jump back
    assert.doesNotMatch(out, /case 6:/);
    assert.deepStrictEqual(drive(out, []), { awaited: [1, 1, 1], result: 3 });
  });

  it("returns, in a body with try regions and no finally, where a jump went to a bare return, and drops the region's end", function () {
    var src = "export async function f(x: number) { try { x += await g(1); } catch (e) { return -1; } return x; }\ndeclare function g(i: number): Promise<number>;";
    var out = lowered(src);
    assert.match(out, /_\w+\.trys = \[\[0, 2, 0, 3\]\]/, out);
    assert.doesNotMatch(out, /\[3 \/\*break\*\/, 3\]|case 3:/, out); // the try's jump to its end is the return there
    assert.deepStrictEqual(drive(out, [2]), { awaited: [1], result: 3 });
    var fin = lowered(src.replace("catch (e) { return -1; }", "catch (e) { return -1; } finally { x++; }"));
    assert.match(fin, /case \d+: return \[2 \/\*return\*\/, x\];/, "with a finally block, the jumps stay: " + fin);
    assert.match(fin, /return \[3 \/\*break\*\/, \d+\]/);
  });

  it("resumes an await that a loop's next step follows at that step, and drops the cases between", function () {
    // `await g(k)` last in a loop: TypeScript resumes at a case that falls into a jump back to the loop's head.
    var out = lowered("export async function f(n: number) { var k = 0; for (;;) { k++; if (k > n) return k; await g(k); } }\ndeclare function g(i: number): Promise<number>;");
    assert.match(out, /return \[4 \/\*yield\*\/, g\(k\), _a\.label = 1\];/);
    assert.doesNotMatch(out, /case [234]:|continue/);
    assert.deepStrictEqual(drive(out, [3]), { awaited: [1, 2, 3], result: 4 });
    // `await g(k); continue;`: a case that jumps back; the other await, copied to its jump, resumes where it runs.
    out = lowered("export async function f(n: number) { var k = 0; while (k < n) { k++; if (k % 2) { await g(k); continue; } await g(-k); } return k; }\ndeclare function g(i: number): Promise<number>;");
    assert.match(out, /return \[4 \/\*yield\*\/, g\(k\), _a\.label = 1\];/);
    assert.doesNotMatch(out, /case [2345]:/);
    assert.deepStrictEqual(drive(out, [4]), { awaited: [1, -2, 3, -4], result: 4 });
    // In a try region the jump is route()'s: the await resumes at the next case, as TypeScript's does.
    out = lowered("export async function f() { for (;;) { try { await g(1); } catch (e) { return 0; } await g(2); } }\ndeclare function g(i: number): Promise<number>;");
    assert.match(out, /g\(2\), _a\.label = 4\];[^]*case 4:[^]*case 5: return \[3 \/\*break\*\/, 0\];/);
  });

  it("sends a jump to a case that only jumps on where that case goes, and drops it: an if's end in a loop", function () {
    // The uart's write(): an if that writes or, else, sleeps, in a loop; the if's end is `case 4: return [3, 1];`.
    var src = "export async function f(n: number) { var k = 0, out = []; while (k < n) { if (k % 2) { out.push(k); k++; } else await g(k++); } return out; }\ndeclare function g(i: number): Promise<number>;";
    var out = lowered(src);
    assert.match(out, /out\.push\(k\);\s*k\+\+;\s*\{ _a\.label = 1; continue; \}/);
    assert.doesNotMatch(out, /case [2345]:/);
    assert.deepStrictEqual(drive(out, [5]), { awaited: [0, 2, 4], result: [1, 3] });
  });

  it("keeps a case that a jump or a resumed await lands on", function () {
    var src = "export async function f(n: number) { var k = 0; while (k < n) { if (k % 2) { k += await g(1); continue; } k++; } return k; }\ndeclare function g(i: number): Promise<number>;";
    var out = lowered(src);
    assert.match(out, /case 3:/);
    assert.deepStrictEqual(drive(out, [5]), { awaited: [1, 1], result: 5 });
    assert.deepStrictEqual(drive(out, [0]), { awaited: [], result: 0 });
  });

  it("awaits ristretto's sleepMs without calling it: [4, sleepMs(x)] becomes [8, x]", function () {
    var out = lowered('import { sleepMs as nap } from "ristretto";\nexport async function f(n: number) { for (var i = 0; i < n; i++) await nap(i * 10); return i; }');
    assert.doesNotMatch(out, /nap\(/);
    assert.match(out, /\[8 \/\*yield\*\/, i \* 10/);
    assert.deepStrictEqual(drive(out, [3]), { awaited: [0, 10, 20], result: 3 });
  });

  it("awaits ristretto's sleep(seconds) as a sleep of seconds * 1000 ms", function () {
    var out = lowered('import { sleep } from "ristretto";\nexport async function f(s: number) { await sleep(0.1); await sleep(s + 1); }');
    assert.match(out, /\[8 \/\*yield\*\/, 100,/);
    assert.match(out, /\[8 \/\*yield\*\/, \(s \+ 1\) \* 1000,/);
    assert.deepStrictEqual(drive(out, [2]), { awaited: [100, 3000], result: undefined });
  });

  it("calls a function with an await among its arguments without arrays, where what it kept before the await is literals", function () {
    var out = lowered(
      [
        "var calls: unknown[][] = [];",
        "function show(...a: unknown[]) { calls.push(a); }",
        "var o = { n: 7, m(...a: unknown[]) { calls.push([this.n].concat(a)); } };",
        "var box = { apply(t: unknown, a: unknown[]) { calls.push(['box'].concat(a)); } };",
        "export async function f() {",
        "  var i = 5;",
        '  show("a", await g(1), "b");',
        "  o.m(1, await g(2));",
        "  show(await g(3));",
        "  show(i, await g(4));", // i is kept as it was before the await
        "  box.apply(null, [await g(6)]);", // what the await gave is in an array of its own: left as it is
        "  return calls;",
        "}",
        "declare function g(x: number): Promise<number>;",
      ].join("\n"),
    );
    assert.match(out, /_\w+\("a", _s, "b"\);/);
    assert.match(out, /_\w+\.call\(_\w+, 1, _s\);/);
    assert.match(out, /_\w+\(_s\);/);
    assert.strictEqual((out.match(/\.concat\(\[_s\]\)/g) || []).length, 1, "show(i, await g(4)) keeps its array: " + out);
    assert.match(out, /_\w+\.apply\(_\w+, _\w+\.concat\(\[\[_s\]\]\)\);/);
    assert.deepStrictEqual(drive(out, []).result, [["a", 1, "b"], [7, 1, 2], [3], [5, 4], ["box", 6]]);
  });

  it("calls a parameter of the async function that nothing writes as itself after the await, not a copy kept before it", function () {
    var out = lowered(
      [
        "var calls: unknown[][] = [];",
        "function other(...a: unknown[]) { calls.push(['other'].concat(a)); }",
        "export async function f(p: (...a: unknown[]) => void, q: (...a: unknown[]) => void) {",
        '  p("a", await g(1));',
        '  q("b", await g(((q = other), 2)));', // q is written before the await gives: the call is of the q it read before
        "  return calls;",
        "}",
        "declare function g(x: number): Promise<number>;",
      ].join("\n"),
    );
    assert.match(out, /\bp\("a", _s\);/);
    assert.doesNotMatch(out, /= p;/);
    assert.match(out, /(_\w+) = q;[^]*\1\("b", _s\);/);
    var seen: unknown[][] = [], show = (...a: unknown[]) => seen.push(a);
    assert.deepStrictEqual(drive(out, [show, show]).result, []); // other() never called
    assert.deepStrictEqual(seen, [["a", 1], ["b", 2]]);
  });

  it("leaves a sleepMs that is not ristretto's, or whose name the module declares again", function () {
    var mine = lowered('import { sleepMs } from "./timing";\nexport async function f() { await sleepMs(5); }');
    var shadowed = lowered('import { sleepMs } from "ristretto";\nexport async function f() { await sleepMs(5); }\nfunction h(sleepMs: number) { return sleepMs; }');
    [mine, shadowed].forEach(function (out) {
      assert.match(out, /\[4 \/\*yield\*\/, sleepMs\(5\)/);
    });
  });
});
