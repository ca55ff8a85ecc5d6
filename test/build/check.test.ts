// Each rule of espruino-dialect.md that the build can see, fed in as source.

import assert = require("assert");
import { check, regexProblem } from "../../src/build/check";
import { lower } from "../../src/build/lower";

function findings(src: string): string[] {
  return check(lower(src).code).map((f) => f.construct);
}

function rejects(src: string, construct: string) {
  var found = findings(src);
  assert.ok(found.some((c) => c.indexOf(construct) === 0), src + ": expected " + construct + ", got " + JSON.stringify(found));
}

describe("the dialect checker", function () {
  it("rule 1: rejects syntax beyond ES5, but for the build's arrows and methods", function () {
    rejects("let x = 1;", "syntax beyond ES5");
    rejects("var s = `a${x}`;", "syntax beyond ES5");
    rejects("var o = { x };", "syntax beyond ES5");
    rejects("var a = 2 ** 3;", "syntax beyond ES5"); // the parser's reason
    rejects("var f = () => arguments[0];", "arguments in an arrow function");
    rejects("var f = () => () => arguments[0];", "arguments in an arrow function");
    assert.deepStrictEqual(findings("var f = (a) => a, o = { k(t) { return this.x + t; } };"), []);
    // An arrow whose body is a function (the shorthand makes one of `function (f) { return function () {...} }`): arguments are that function's.
    assert.deepStrictEqual(findings("var w = (f) => function () { return f.apply(this, arguments); };"), []);
  });

  it("rule 2: rejects a function declaration inside a block", function () {
    rejects("if (x) { function f() {} }", "a function declaration inside a block");
  });

  it("rules 2, 3, 4, 5, 7, 19: what the lowering rewrites passes", function () {
    assert.deepStrictEqual(findings("f(); function f() { return [1,,2]; } for (var i = 0, o = ('k' in {}); i < 1; i++) {} Array.prototype.slice.call([]); String.prototype.trim.call(' a '); clearTimeout(t);"), []);
  });

  it("rejects a return, throw, break or continue that would leave a finally block, which Espruino ignores (measured on 2v29)", function () {
    rejects("function f() { try { g(); } finally { return 1; } }", "a return in a finally block");
    rejects("function f() { try { g(); } finally { if (x) throw new Error('x'); } }", "a throw in a finally block");
    rejects("for (;;) { try { g(); } finally { break; } }", "a break in a finally block");
    rejects("for (;;) { try { g(); } catch (e) {} finally { continue; } }", "a continue in a finally block");
    rejects("switch (x) { case 1: try { g(); } finally { break; } }", "a break in a finally block");
    // What stays in the block: a loop's break and continue, a switch's break, a throw caught there, a function's return.
    assert.deepStrictEqual(findings("function f() { try { g(); } finally { for (;;) { if (a) break; continue; } switch (x) { case 1: break; } try { throw e; } catch (e) {} h(function () { return 1; }); } return 2; }"), []);
  });

  it("rule 5: rejects reading Promise.prototype", function () {
    rejects("Promise.prototype.then.call(p, f);", "Promise.prototype");
  });

  it("rule 6: rejects labels and a default clause that is not last", function () {
    rejects("a: for (;;) { break a; }", "a label (a:)");
    rejects("switch (x) { default: break; case 1: break; }", "a default clause before other cases");
  });

  it("rule 8: rejects the identifiers of and static, not the property names", function () {
    rejects("var of = 1;", "the identifier of");
    rejects("function f(static) {}", "the identifier static");
    assert.deepStrictEqual(findings("var o = { of: 1 }; o.of = o.static;"), []);
  });

  it("rule 9: rejects new with spread arguments", function () {
    rejects("new (C.bind.apply(C, [void 0].concat(args)))();", "new with spread arguments");
  });

  it("rule 11: allows Math.pow with an integer exponent 0 to 9 only", function () {
    assert.deepStrictEqual(findings("Math.pow(x, 2); Math.pow(3, 9);"), []);
    rejects("Math.pow(2, 31);", "Math.pow");
    rejects("Math.pow(x, 0.5);", "Math.pow");
    rejects("Math.pow(x, n);", "Math.pow");
  });

  it("rule 12: rejects CommonJS exports and module", function () {
    rejects("exports.x = 1;", "exports");
    rejects("module.exports = {};", "module");
    assert.deepStrictEqual(findings("var exports = {}; exports.x = 1;"), []);
  });

  it("rule 13: rejects Symbol, Map, Set, WeakMap, unless the program defines them", function () {
    ["Symbol.iterator", "new Map()", "new Set()", "new WeakMap()"].forEach(function (src) {
      rejects(src + ";", src.replace("new ", "").replace(/[.(].*$/, ""));
    });
    assert.deepStrictEqual(findings("function Map() {} var m = new Map();"), []);
  });

  it("rule 14: rejects the regular expression features that never match there", function () {
    assert.strictEqual(regexProblem("^ab?c$", ""), "the ? quantifier");
    assert.strictEqual(regexProblem("a{2}", ""), "a {n,m} quantifier");
    assert.strictEqual(regexProblem("\\bx", ""), "\\b");
    assert.strictEqual(regexProblem("(?:ab)", ""), "(?:...)");
    assert.strictEqual(regexProblem("a(?=b)", ""), "(?=...)");
    assert.strictEqual(regexProblem("(ab)+", ""), "a quantifier on a group");
    assert.strictEqual(regexProblem("a*?", ""), "a lazy quantifier");
    assert.strictEqual(regexProblem("[/]", ""), "an unescaped / inside [...]");
    assert.strictEqual(regexProblem("a", "m"), "the flag m");
    assert.strictEqual(regexProblem("^[a-z\\d]+\\s*$|x(y)", "gi"), "");
    rejects("/a?/.test(s);", "the regular expression /a?/");
  });

  it("rule 15: rejects Promise.race, allSettled, any, finally, and an executor that never settles", function () {
    rejects("Promise.race([a, b]);", "Promise.race");
    rejects("Promise.allSettled([a]);", "Promise.allSettled");
    rejects("Promise.any([a]);", "Promise.any");
    rejects("p.finally(f);", ".finally()");
    rejects("new Promise(function (resolve) {});", "a Promise executor that never settles");
    assert.deepStrictEqual(findings("Promise.all([a]).then(f); new Promise(function (r) { setTimeout(r, 1); });"), []);
  });

  it("rule 16: rejects the missing built-ins, naming what to use instead", function () {
    rejects("Array.from(x);", "Array.from");
    rejects("Object.freeze(o);", "Object.freeze");
    rejects("Number.isInteger(n);", "Number.isInteger");
    rejects("Math.trunc(n);", "Math.trunc");
    rejects("a.lastIndexOf(1);", ".lastIndexOf()");
    rejects("throw new RangeError('r');", "RangeError");
    rejects("Object.create(p, { x: { value: 1 } });", "Object.create with property descriptors");
    rejects("arguments.callee;", "arguments.callee");
    var f = check("Array.from(x);")[0];
    assert.strictEqual(f.message, "Array.from does not run on Espruino: Espruino has no Array.from (rule 16): copy with a loop or [].slice.call(x)");
  });

  it("rule 18: rejects assigning to .length", function () {
    rejects("a.length = 0;", "assigning to .length");
  });

  it("rule 21: rejects a constructor that returns a primitive, not a method that does", function () {
    rejects("function F() { this.a = 1; return 0; } new F();", "a constructor returning a primitive");
    assert.deepStrictEqual(findings("function G() { this.a = 1; } G.prototype.m = function () { this.b = 2; return 0; }; new G();"), []);
  });

  it("reports each construct once per line, with its position", function () {
    var f = check("var a = 1;\nvar b = [of, of, of];");
    assert.strictEqual(f.length, 1);
    assert.deepStrictEqual([f[0].line, f[0].column], [2, 9]);
  });
});
