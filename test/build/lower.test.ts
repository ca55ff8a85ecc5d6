// The lowering keeps Node's behaviour while producing Espruino's subset.

import assert = require("assert");
import { lower } from "../../src/build/lower";
import { printed as run } from "../support/printed";

var cases: [string, string, string][] = [
  ["moves function declarations to the top of their scope", "function f(){return g();function g(){return 1}}print(f());", "function f(){function g(){return 1}return g();}print(f());"],
  ["fills array holes with void 0, keeping the length", "var a=[1,,3,,];print(a.length,a[1]);", "var a=[1,void 0,3,void 0,];print(a.length,a[1]);"],
  ["declares every var once at the top, leaving assignments", "function h(){print(0);var a,b=2,c,d=4,e;return b+d}print(h());", "function h(){var a,b,c,d,e;print(0);b=2,d=4;return b+d}print(h());"],
  ["joins the other names to a first statement that declares with values", "function h(){var a,b=2,c,d=4,e;if(b)var f=1;return b+d+f}print(h());", "function h(){var a,c,e,f,b=2,d=4;if(b)f=1;return b+d+f}print(h());"],
  ["declares a var of a for-init that never runs", "function s(p){if(p)for(var i=0,ar;i<1;i++){}return typeof ar}print(s(false));", "function s(p){var i,ar;if(p)for(i=0;i<1;i++){}return typeof ar}print(s(false));"],
  ["drops a var without values from a list of statements, and leaves an empty body of an if", "function g(x){var a;if(x)var b;a=1;return a+typeof b}print(g(1));", "function g(x){var a,b;if(x);a=1;return a+typeof b}print(g(1));"],
  ["turns for (var k in o) into for (k in o)", "function k(o){for(var p in o)print(p)}k({x:1});", "function k(o){var p;for(p in o)print(p)}k({x:1});"],
  ["reads prototype built-ins from literals, but leaves polyfills alone", "Array.prototype.x=1;print([].x,Array.prototype.slice.call([1,2],1));", "Array.prototype.x=1;print([].x,[].slice.call([1,2],1));"],
  ["moves an in-operator for-init before its loop", "if(1)for(var q=('a' in {a:1}),i=0;i<1;i++)print(q);", "var q,i;if(1){q=('a' in {a:1}),i=0;for(;i<1;i++)print(q);}"],
  ["skips clearTimeout of an undefined handle, as Node does", "var h;clearTimeout(h);print('ok');", "var h;h!==void 0&&clearTimeout(h);print('ok');"],
  [
    "keeps the guard of clearTimeout in parentheses where it is an operand of more than a comma",
    "var o={},x;x=1,clearTimeout(o.t),print(!clearTimeout(o.t),x);",
    "var x,o={};x=1,o.t!==void 0&&clearTimeout(o.t),print(!(o.t!==void 0&&clearTimeout(o.t)),x);",
  ],
  [
    "leaves out the guard where an if has just tested the handle, in its block (the loop's _arm())",
    "var o={t:1},x;if(o.t!==void 0){if(!o.t)x=1;clearTimeout(o.t),o.t=void 0}print(o.t,x);",
    "var x,o={t:1};if(o.t!==void 0){if(!o.t)x=1;clearTimeout(o.t),o.t=void 0}print(o.t,x);",
  ],
  ["leaves out the guard where the test ends in a comma list or an && that tests the handle", "var x,h=1;if(x=1,void 0!==h&&x)clearTimeout(h);print(h);", "var x,h=1;if(x=1,void 0!==h&&x)clearTimeout(h);print(h);"],
  [
    "keeps the guard where a call or a write comes between the test and the clear, or the clear is in a loop of the block, an else, or behind an ||",
    "var h=1,i;function f(){h=void 0}if(h!==void 0){f();clearTimeout(h)}if(h!==void 0){h=void 0;clearTimeout(h)}if(h!==void 0)for(i=0;i<2;i++)clearTimeout(h),h=void 0;if(h!==void 0||h)clearTimeout(h);else clearTimeout(h);if(h!==void 0&&(h=void 0,1))clearTimeout(h);print(h);",
    "function f(){h=void 0}var i,h=1;if(h!==void 0){f();h!==void 0&&clearTimeout(h)}if(h!==void 0){h=void 0;h!==void 0&&clearTimeout(h)}if(h!==void 0)for(i=0;i<2;i++)h!==void 0&&clearTimeout(h),h=void 0;if(h!==void 0||h)h!==void 0&&clearTimeout(h);else h!==void 0&&clearTimeout(h);if(h!==void 0&&(h=void 0,1))h!==void 0&&clearTimeout(h);print(h);",
  ],
  [
    "sets a class's methods through one alias of its prototype, declared after the class",
    "var k=function(){function i(t){this.a=t}return i.prototype.x=function(){return 1},i.prototype.y=function(){return this.x()+1},i.prototype.z=2,i}();print(new k(1).y(),new k(1).z);",
    "var k=function(){function i(t){this.a=t}var $0=i.prototype;return $0.x=function(){return 1},$0.y=function(){return this.x()+1},$0.z=2,i}();print(new k(1).y(),new k(1).z);",
  ],
  ["leaves a prototype that is replaced without an alias", "function i(){}i.prototype={a:1};i.prototype.b=2;i.prototype.c=3;print(new i().a,new i().b);", "function i(){}i.prototype={a:1};i.prototype.b=2;i.prototype.c=3;print(new i().a,new i().b);"],
  [
    "leaves a name that a nested function declares for itself",
    "function f(i){return i.prototype.a+i.prototype.b+i.prototype.c}function i(){}i.prototype.a=1;i.prototype.b=2;i.prototype.c=3;print(f(i));",
    "function f(i){return i.prototype.a+i.prototype.b+i.prototype.c}function i(){}var $0=i.prototype;$0.a=1;$0.b=2;$0.c=3;print(f(i));",
  ],
  ["ends a bare return before a closing brace with its semicolon (r25)", "function f(a){if(a)print(1);else return}f(0);print(2);", "function f(a){if(a)print(1);else return;}f(0);print(2);"],
];

describe("the Espruino lowering", function () {
  cases.forEach(function (c) {
    it(c[0], function () {
      var out = lower(c[1]).code;
      assert.strictEqual(out, c[2]);
      assert.strictEqual(run(out.replace(/clearTimeout/g, "(function(){})")), run(c[1].replace(/clearTimeout/g, "(function(){})")));
    });
  });

  it("gives a source map from the lowered code back to its input", function () {
    var r = lower("print(1);\nfunction f(){}\n", "in.js");
    assert.deepStrictEqual(r.map.sources, ["in.js"]);
    assert.ok(r.map.mappings.length > 0);
  });
});
