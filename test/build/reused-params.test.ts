// A function's local first written where its parameter is read for the last
// time takes the parameter's name (src/build/reused-params.ts); every other
// local stays.

import assert = require("assert");
import { reuseParams } from "../../src/build/reused-params";
import { leftAlone } from "../support/left-alone";
import { printed as run } from "../support/printed";

// createTask()'s shape, the done callback's (a declarator), and the finish's (two pairs in one function, after an early return).
var PROGRAM = [
  "var M=function(t){var i;return i=[t],print(i.length),i};",
  "function $d(t){var i=t.w?t:0;print(i)}",
  "function K(t,n,s){var o,u,f,e=t.a;if(e)return e;o=s?1:0;f=n.q;for(u=0;u<f.length;u++)print(f[u],o);return o}",
  "print(M(5)[0]);$d({w:1});$d({});print(K({a:0},{q:[7,8]},1),K({a:3}));",
].join("");

describe("the bundle's parameters reused by locals", function () {
  it("gives a local the name of the parameter it is first written from, and drops its var", function () {
    assert.strictEqual(
      reuseParams(PROGRAM)!.code,
      [
        "var M=function(t){return t=[t],print(t.length),t};",
        "function $d(t){t=t.w?t:0;print(t)}",
        "function K(t,n,s){var u,e=t.a;if(e)return e;t=s?1:0;n=n.q;for(u=0;u<n.length;u++)print(n[u],t);return t}",
        "print(M(5)[0]);$d({w:1});$d({});print(K({a:0},{q:[7,8]},1),K({a:3}));",
      ].join(""),
    );
  });

  it("runs the same as before", function () {
    assert.strictEqual(run(reuseParams(PROGRAM)!.code), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "1 | 5 | [object Object] | 0 | 7 1 | 8 1 | 1 3");
  });

  it("keeps a local where the parameter is read after the write, the write may not run or may run again, or a function inside reads either", function () {
    leftAlone(reuseParams, [
      "function f(t){var i;i=[t];print(i,t)}", // the parameter read after
      "function f(t){var i;t&&(i=[t]);print(i)}", // a write that may not run
      "function f(t){var i;if(t)i=[t];print(i)}",
      "function f(t){var i;for(;;){i=[t];print(i)}}", // that may run again
      "function f(t){var i;switch(t){case 1:i=[t]}print(i)}",
      "function f(t){var i;i=[t];return function(){return i}}", // a function inside reads the local
      "function f(t){var i;i=[t];print(i);return function(){return t}}", // or the parameter
      "function f(t){var i;i=[arguments[0]];print(i,t)}", // arguments
      "function f(t){var i;i=t;print(i,arguments.length)}",
      "function f(t){var i;x=(i=[t]);print(i)}", // a write inside an expression of its own
    ]);
  });

  it("keeps a local mentioned before its first write, in its own value, written by a second declarator, or read in a catch clause that names the parameter", function () {
    leftAlone(reuseParams, [
      "function f(t){var i;print(i);i=[t];print(i)}",
      "function f(t){var i;i=[t,i];print(i)}",
      "function f(t){var i;i+=t;print(i)}", // a first write that is not `=`
      "function f(t){var i;i=[t];var i=2;print(i)}",
      "function f(t){var a=1,i=[t];print(a,i)}", // a declarator beside others
      "function f(t){var i;i=[t];try{g()}catch(t){print(i)}}",
    ]);
  });
});
