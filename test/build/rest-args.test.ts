// The device build copies a rest parameter with one native slice instead of TypeScript's loop, keeping what the code does.

import assert = require("assert");
import vm = require("vm");
import ts = require("typescript");
import MagicString from "magic-string";
import { sliceRestArgs } from "../../src/build/rest-args";
import { parse } from "../../src/build/lower";

/** TypeScript's ES5 output for `source`, and the same rewritten. */
function both(source: string): { before: string; after: string } {
  var before = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES5 } }).outputText;
  var s = new MagicString(before);
  sliceRestArgs(s, parse(before));
  return { before: before, after: s.toString() };
}

function run(code: string): string {
  var out: string[] = [];
  vm.runInNewContext(code, { print: (...a: unknown[]) => out.push(JSON.stringify(a)) });
  return out.join(" | ");
}

var CALLS = "print(all(), all(1), all(1, 'a', [2]), tail(), tail(1), tail(1, 2, 3), two(1, 2, 3, 4), arrow(5, 6), new K().m(1, 2), nested(1, 2)[0](), nested(1, 2)[1](3, 4), d({ a: 1 }, 9));";
var SOURCE = [
  "function all(...xs: unknown[]) { return xs; }",
  "function tail(a?: number, ...rest: number[]) { return [a, rest]; }",
  "function two(a: number, b: number, ...rest: number[]) { return rest; }",
  "var arrow = (...xs: number[]) => xs.length;",
  "class K { m(x: number, ...ys: number[]) { return ys; } }",
  "function nested(...xs: number[]) { var k = () => xs; function inner(...ys: number[]) { return ys.concat(xs); } return [k, inner]; }",
  "function d({ a }: { a: number }, ...r: number[]) { return [a, r]; }",
  CALLS,
].join("\n");

describe("rest parameters, copied with one slice", function () {
  it("leaves no copying loop, and every function returns what TypeScript's own output returns, with fewer and more arguments", function () {
    var b = both(SOURCE);
    assert.strictEqual(run(b.before), '[[],[1],[1,"a",[2]],[null,[]],[1,[]],[1,[2,3]],[3,4],2,[2],[1,2],[3,4,1,2],[1,[9]]]');
    assert.match(b.before, /arguments\.length/, "the test's source has TypeScript's loops");
    assert.doesNotMatch(b.after, /arguments\.length|_i/);
    assert.strictEqual((b.after.match(/\[\]\.slice\.call\(arguments(, \d)?\)/g) || []).length, 8);
    assert.match(b.after, /\[\]\.slice\.call\(arguments, 2\)/);
    assert.strictEqual(run(b.after), run(b.before));
  });

  it("slices where the copy is read, when that is once and in the next statement", function () {
    var b = both(
      [
        'function show(...parts: unknown[]) { print(parts.map(String).join(" ")); }', // the talk's print
        "function twice(...xs: number[]) { print(xs.length, xs); }",
        "function later(...xs: number[]) { var n = 1; print(xs, n); }",
        "function inLoop(...xs: number[]) { for (var i = 0; i < 2; i++) print(xs); }",
        "function inClosure(...xs: number[]) { return () => xs; }",
        "function changed(...xs: number[]) { print(arguments.length, xs); }",
        "show(1, 'a'); twice(1, 2); later(3); inLoop(4); print(inClosure(5)()); changed(6);",
      ].join("\n"),
    );
    assert.match(b.after, /print\(\[\]\.slice\.call\(arguments\)\.map\(String\)/);
    assert.strictEqual((b.after.match(/var \w+ = \[\]\.slice\.call\(arguments\)/g) || []).length, 5, b.after); // the other five keep their copy
    assert.strictEqual(run(b.after), run(b.before));
  });

  it("leaves a loop over arguments that is not TypeScript's copy", function () {
    var code = "function f() {\n  var xs = [];\n  for (var i = 0; i < arguments.length; i++) {\n    xs[i] = arguments[i] * 2;\n  }\n  return xs;\n}\n";
    var s = new MagicString(code);
    assert.strictEqual(sliceRestArgs(s, parse(code)), false);
    code = "function g() {\n  var xs = [];\n  for (var i = 1; i < arguments.length; i++) {\n    xs[i] = arguments[i];\n  }\n  return xs;\n}\n";
    assert.strictEqual(sliceRestArgs(new MagicString(code), parse(code)), false, "an index that is not i - 1");
  });
});
