// A variable that is only ever another name, of the top scope or of a
// function, is that name where it is read (src/build/aliases.ts); every other
// name stays.

import assert = require("assert");
import { collapseAliases } from "../../src/build/aliases";
import { leftAlone } from "../support/left-alone";
import { printed as run } from "../support/printed";

// A top-level bundle as top-level.ts leaves it: $u a clock, $c and $v its aliases (one of the other), $m a global's.
var PROGRAM = [
  "var $h=function(){return $c()+$v()},$c,$v,$m,$k,$u;",
  "$u=function(){return 2};",
  "$c=$u;$v=$c,$m=print,$k=1;",
  "function $f(t){$m(t,$h(),$k)}",
  "$f(\"a\");",
].join("");

describe("the bundle's aliases", function () {
  it("reads the name an alias copies where the alias was read, and drops the alias", function () {
    var r = collapseAliases(PROGRAM)!;
    assert.ok(r, "collapsed");
    assert.strictEqual(r.code, 'var $h=function(){return $u()+$u()},$k,$u;$u=function(){return 2};$k=1;function $f(t){print(t,$h(),$k)}$f("a");');
  });

  it("runs the same as before", function () {
    assert.strictEqual(run(collapseAliases(PROGRAM)!.code), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "a 4 1");
  });

  it("keeps an alias written twice, in a function or by a for-in, read before it is written, of a name written later or twice, or of a name a function declares", function () {
    leftAlone(collapseAliases, [
      "var $c,$u=1;$c=$u;$c=2;print($c);", // written twice
      "var $c,$u=1;function $f(){$c=$u}$f();print($c);", // by a function, at any time
      "var $c,$u;$c=$u;$u=1;print($c);", // its name written after it: the alias stays undefined
      "var $c,$u=1;$c=$u;$u=2;print($c);", // its name written twice
      "var $c=print;print=function(){};$c(1);", // a global the bundle writes
      "var $c,$u=1;$c=$u;for($c in {a:1});print($c,$u);", // written again by a for-in
      "var $c,$u=1;print($c);$c=$u;print($c);", // read before it is written
      "var $u=1;var $c=$u;function $f($u){return $c+$u}print($f(2));", // shadowed where it is read
    ]);
  });

  it("reads a function's parameter where the function's alias of it was read, in its closures too", function () {
    var code = "function $f(t,s){var i,h,r;h=s,r=t;return i=r+1,function(){return h+i}}print($f(1,2)());";
    var r = collapseAliases(code)!;
    assert.ok(r, "collapsed");
    assert.strictEqual(r.code, "function $f(t,s){var i;return i=t+1,function(){return s+i}}print($f(1,2)());");
    assert.strictEqual(run(r.code), run(code));
    assert.strictEqual(run(code), "4");
    // In a function expression that reads its own name; a `var` declarator, and an alias of a variable the function wrote once before.
    assert.strictEqual(collapseAliases("var $f=function $g(t){var h;h=t;return $g&&h};print($f(1));")!.code, "var $f=function $g(t){return $g&&t};print($f(1));");
    assert.strictEqual(collapseAliases("function $f(t){var n=t*2,h=n;print(h)}$f(1);")!.code, "function $f(t){var n=t*2;print(n)}$f(1);");
  });

  it("reads a parameter where an alias of it in a block of the function was read, after it in that block", function () {
    var code = "function $f(t,k){var h,i;for(i=0;i<2;i++)if(k){h=t;print(h+i)}}$f(1,1);";
    assert.strictEqual(collapseAliases(code)!.code, "function $f(t,k){var i;for(i=0;i<2;i++)if(k){print(t+i)}}$f(1,1);");
    assert.strictEqual(run(collapseAliases(code)!.code), run(code));
    leftAlone(collapseAliases, [
      "function $f(t,k){var h;if(k){h=t}print(h)}$f(1,1);", // read after the block
      "function $f(t,k){var h;switch(k){case 1:h=t;case 2:print(h)}}$f(1,2);", // read in a case a jump reaches without it
      "function $f(t,k){var h,g=t+1;if(k){h=g;print(h)}}$f(1,1);", // of a variable, which a loop could write again before a closure reads the alias
    ]);
  });

  it("keeps a function's alias written where it may not run, of a parameter written or of arguments, or read where its name means another", function () {
    leftAlone(collapseAliases, [
      "function $f(t){var h;if(t)h=t;print(h)}$f(1);", // written by an if
      "function $f(t){var h;for(;;){h=t;break}print(h)}$f(1);", // written in a loop
      "function $f(t){var h;h=t;t=2;print(h)}$f(1);", // its parameter written after
      "function $f(t){var h;h=t;arguments[0]=2;print(h)}$f(1);", // a function that reads arguments
      "function $f(t){var h;h=t;return function(t){return h+t}}print($f(1)(2));", // shadowed in a closure
      "function $f(t){var h;h=t;try{throw 2}catch(t){print(h)}}$f(1);", // shadowed by a catch clause
      "function $f(t){var h;print(h);h=t;print(h)}$f(1);", // read before it is written
    ]);
  });

  it("keeps an alias whose chain leads to a name that means another where it is read", function () {
    var code = "function $f(t){var h,g;h=t,g=h;return function(t){return g+t}}print($f(1)(2));";
    var r = collapseAliases(code)!;
    assert.strictEqual(r.code, "function $f(t){var g;g=t;return function(t){return g+t}}print($f(1)(2));");
    assert.strictEqual(run(r.code), "3");
  });

  it("reads the name an alias in a comma list copies, in the items after it, where that name never changes", function () {
    // As terser inlines a call of `g(C)` whose parameter a closure reads: a function declaration's name, a
    // parameter nothing writes, and an alias of such an alias, in a function made after it.
    var code = [
      "function C(x){print(x)}",
      "function g(p){var u,v;return [4,(u=C,function(){var r;(r=u,function(){r(2)})();u(1)}),(v=p,function(){return v})]}",
      "var a=g(3);a[1]();print(a[2]());",
    ].join("");
    var r = collapseAliases(code)!;
    assert.strictEqual(r.code, "function C(x){print(x)}function g(p){return [4,function(){(function(){C(2)})();C(1)},function(){return p}]}var a=g(3);a[1]();print(a[2]());");
    assert.strictEqual(run(r.code), run(code));
    assert.strictEqual(run(code), "2 | 1 | 3");
  });

  it("reads that name too where the alias is a variable of an enclosing function that only this function's own code reads and writes", function () {
    // As terser hoists an inlined async function's `result` into the function it went into: d is g's, written and read in the body only.
    var code = "function g(){var d;return function(t,i){return t?(d=i,print(d),[2,d]):0}}print(g()(1,5));";
    assert.strictEqual(collapseAliases(code)!.code, "function g(){return function(t,i){return t?(print(i),[2,i]):0}}print(g()(1,5));");
    assert.strictEqual(run(collapseAliases(code)!.code), run(code));
    leftAlone(collapseAliases, [
      "function g(){var d,f=function(t,i){return [(d=i,print(d),d)]};f(1,2);return d}print(g());", // read by the enclosing function
      "function g(){var d;return function(t,i){return [(d=i,function(){return d})]}}print(g()(1,2)[0]());", // by a function made in it, which may read it after another call wrote it
    ]);
  });

  it("keeps an alias in a comma list read before it or outside the list, of a name that changes, or read where its name means another", function () {
    leftAlone(collapseAliases, [
      "function C(){}function g(){var u;return [(print(u),u=C,u)]}g();", // read before it in the list
      "function C(){}function g(){var u;print((u=C,0));return u}g();", // read after the list
      "var h;function g(){var u;h=1;return [(u=h,function(){return u})]}g();", // of a variable
      "function g(p){var u;p=2;return [(u=p,function(){return u})]}g(1);", // of a parameter written
      "function g(p){print(arguments[0]);return function(){var u;return [(u=p,function(){return u})]}}g(1)();", // of a function that reads arguments
      "function C(){}function g(){var u;return [(u=C,function(C){return u})]}g();", // its name means another where it is read
      "function C(){}function D(){}function g(){var u;return [(u=C,u=D,function(){return u})]}g();", // written twice
      "function g(){var u,r;return [(u=r,r=u,function(){return u+r})]}g();", // a cycle
    ]);
  });

  it("drops a var statement left with nothing to declare, and keeps the commas of the rest right", function () {
    assert.strictEqual(collapseAliases("var $a,$b;$a=print;$b=$a;$b(1);")!.code, "print(1);");
    assert.strictEqual(collapseAliases("var $x=1,$a=print,$b=$a,$y=2;$b($x,$y);")!.code, "var $x=1,$y=2;print($x,$y);");
    assert.strictEqual(collapseAliases("var $x,$a,$y;$x=1,$a=print,$y=2;$a($x,$y);")!.code, "var $x,$y;$x=1,$y=2;print($x,$y);");
    assert.strictEqual(collapseAliases("var $x,$y,$a,$b;$x=1,$y=2,$a=print,$b=$a;$b($x,$y);")!.code, "var $x,$y;$x=1,$y=2;print($x,$y);");
    // A `var` that is an if's body leaves an empty one; a for's goes.
    assert.strictEqual(collapseAliases("function $f(t){h=t;if(t)var h;for(var h;;)break;print(h)}$f(1);")!.code, "function $f(t){if(t);for(;;)break;print(t)}$f(1);");
  });
});
