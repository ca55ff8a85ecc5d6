// The minified bundle runs at the top level, its own names given a `$`
// (src/build/top-level.ts): what each name refers to stays the same.

import assert = require("assert");
import { toTopLevel } from "../../src/build/top-level";
import { printed as run } from "../support/printed";

var PROGRAM = [
  "!function(){var t,i=1;",
  "function n(t,n){return t+n+i}", // params shadow top-level names
  "function s(){var i=10;return function(){return i}}", // a local var shadows one
  "t={i:i,n:n};", // a key is no reference, a value is
  "e:for(var r=0;r<3;r++){if(r)break e}", // a label is none
  "try{throw 5}catch(i){t.c=i}", // a catch clause's name
  "var e=function i(n){return n?i(n-1)+1:0};", // a named function expression's own name
  "print(n(1,2),s()(),t.i,t.n===n,r,t.c,e(3),i,typeof E)",
  "}();",
].join("");

describe("the bundle at the top level", function () {
  it("unwraps the IIFE and gives each top-level name one character, the most used first, wherever it is referred to", function () {
    var r = toTopLevel(PROGRAM)!;
    assert.ok(r, "unwrapped");
    // t and r (5 uses each) get $ and _, i and n (4) A and B, in the order they first occur
    assert.ok(r.code.indexOf("var $,A=1;function B(t,n){return t+n+A}") === 0, r.code);
    assert.match(r.code, /\{i:A,n:B\}/);
    assert.match(r.code, /catch\(i\)\{\$\.c=i\}/);
    assert.match(r.code, /function i\(n\)\{return n\?i\(n-1\)\+1:0\}/);
    assert.match(r.code, /;e:for\(var _=0;_<3;_\+\+\)\{if\(_\)break e\}/);
    assert.doesNotMatch(r.code, /^!function|\}\(\);$/);
  });

  it("gives no name one character that another scope declares or a runtime has (E, Q), and a $ in front to the names past the 26 characters", function () {
    var names = "abcdefghijklmnopqrstuvwxyz".split("").concat(["aa", "ab", "ac"]);
    // Each name used once more than the next; F is a parameter and G a global, so neither is given
    var program = "!function(){var " + names.join(",") + ";" + names.map((k, i) => (k + "=" + i + ";").repeat(names.length - i)).join("") + "function x$(F){return F+G}print(" + names.join("+") + ",typeof E,typeof Q)}();";
    var code = toTopLevel(program)!.code;
    assert.ok(code.indexOf("var $,_,A,B,C,D,H,I,J,K,L,M,N,O,P,R,S,T,U,V,W,X,Y,Z,$y,$z,$aa,$ab,$ac;") === 0, code);
    assert.match(code, /function \$x\$\(F\)\{return F\+G\}/);
    assert.strictEqual(run(code), run(program));
    // a top-level name that is $ already keeps it; one that starts with $ may get a character too
    var dollars = "!function(){var $=1,$a=2,t=3;print($+$a+t+t+t)}();";
    assert.ok(toTopLevel(dollars)!.code.indexOf("var $=1,A=2,_=3;") === 0, toTopLevel(dollars)!.code);
    assert.strictEqual(run(toTopLevel(dollars)!.code), run(dollars));
  });

  it("runs the same as the IIFE did", function () {
    assert.strictEqual(run(toTopLevel(PROGRAM)!.code), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "4 10 1 true 1 5 3 1 undefined");
  });

  it("leaves the IIFE when its own body returns, reads this or arguments, or a new name is taken", function () {
    // 27 names: the least used, t, would be $t, which a parameter has
    var names = "abcdefghijklmnopqrsuvwxyz".split("").concat(["ab", "ac"]);
    var taken = "!function(){var t," + names.join(",") + ";" + names.map((k) => k + "=1;").join("") + "function i($t){return $t+t}print(i(1)+" + names.join("+") + ")}();";
    ["!function(){var t=1;if(t)return;print(t)}();", "!function(){print(this)}();", "!function(){print(arguments.length)}();", taken].forEach(function (code) {
      assert.strictEqual(toTopLevel(code), null, code);
    });
  });

  it("makes void 0 a top-level name that nothing assigns and the bundle uses nowhere else, where it occurs twice or more, ranked with the names by its uses", function () {
    var program = '!function(){var t={};function n(n){var $u=n;return void 0===$u?"none":$u+(void 0===t.k)}print(n(),n(1),void 0,void 0,"void 0")}();';
    var r = toTopLevel(program)!.code;
    assert.ok(r.indexOf("var $,A={};function _(n){var $u=n;return $===$u") === 0, r); // void 0: 4 uses, n: 3, t: 2
    assert.strictEqual(r.match(/void 0/g)!.length, 1, r); // the string's
    assert.strictEqual(run(r), run(program));
    assert.strictEqual(run(program), "none 2 undefined undefined void 0");
    assert.match(toTopLevel("!function(){var t;print(void 0===t)}();")!.code, /void 0===\$/, "once: left as it is");
    // declared before the first name, whichever of the two is named first
    var first = "!function(){var t=1;print(t,t,t,t,t,void 0,void 0===t)}();";
    assert.ok(toTopLevel(first)!.code.indexOf("var _,$=1;") === 0, toTopLevel(first)!.code);
    assert.strictEqual(run(toTopLevel(first)!.code), run(first));
    // past the 26 characters, a $ name that the bundle uses nowhere ($u is taken)
    var names = "abcdefghijklmnopqrstuvwxyz".split("");
    var many = "!function(){var " + names.join(",") + ";" + names.map((k) => k + "=1;").join("") + "function fn(){var $u;return void 0===$u}print(void 0===a," + names.join("+") + ",fn())}();";
    var code = toTopLevel(many)!.code;
    assert.ok(code.indexOf("var $a,") === 0, code);
    assert.strictEqual(run(code), run(many));
  });

  it("leaves code that is not one IIFE", function () {
    assert.strictEqual(toTopLevel("var t=1;print(t);"), null);
    assert.strictEqual(toTopLevel("!function(t){print(t)}(1);"), null);
  });
});
