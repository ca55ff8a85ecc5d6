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
  it("unwraps the IIFE and gives each top-level name a $ in front, wherever it is referred to", function () {
    var r = toTopLevel(PROGRAM)!;
    assert.ok(r, "unwrapped");
    assert.ok(r.code.indexOf("var $t,$i=1;function $n(t,n){return t+n+$i}") === 0, r.code);
    assert.match(r.code, /\{i:\$i,n:\$n\}/);
    assert.match(r.code, /catch\(i\)\{\$t\.c=i\}/);
    assert.match(r.code, /function i\(n\)\{return n\?i\(n-1\)\+1:0\}/);
    assert.match(r.code, /;e:for\(var \$r=0;\$r<3;\$r\+\+\)\{if\(\$r\)break e\}/);
    assert.doesNotMatch(r.code, /^!function|\}\(\);$/);
  });

  it("runs the same as the IIFE did", function () {
    assert.strictEqual(run(toTopLevel(PROGRAM)!.code), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "4 10 1 true 1 5 3 1 undefined");
  });

  it("leaves the IIFE when its own body returns, reads this or arguments, or a new name is taken", function () {
    ["!function(){var t=1;if(t)return;print(t)}();", "!function(){print(this)}();", "!function(){print(arguments.length)}();", "!function(){var t=1;function i($t){return $t+t}print(i(1))}();"].forEach(function (code) {
      assert.strictEqual(toTopLevel(code), null, code);
    });
  });

  it("makes void 0 a top-level name that nothing assigns and the bundle uses nowhere else, where it occurs twice or more", function () {
    var program = '!function(){var t={};function n(n){var $u=n;return void 0===$u?"none":$u+(void 0===t.k)}print(n(),n(1),void 0,"void 0")}();';
    var r = toTopLevel(program)!.code;
    assert.ok(r.indexOf("var $a,$t={};") === 0, r); // $u is taken
    assert.strictEqual(r.match(/void 0/g)!.length, 1, r); // the string's
    assert.strictEqual(run(r), run(program));
    assert.strictEqual(run(program), "none 2 undefined void 0");
    assert.match(toTopLevel("!function(){var t;print(void 0===t)}();")!.code, /void 0===\$t/, "once: left as it is");
  });

  it("leaves code that is not one IIFE", function () {
    assert.strictEqual(toTopLevel("var t=1;print(t);"), null);
    assert.strictEqual(toTopLevel("!function(t){print(t)}(1);"), null);
  });
});
