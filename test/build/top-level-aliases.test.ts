// A top-level name that is only ever another name is that name where it is
// read (src/build/top-level-aliases.ts); every other name stays.

import assert = require("assert");
import { collapseAliases } from "../../src/build/top-level-aliases";
import { printed as run } from "../support/printed";

// A top-level bundle as top-level.ts leaves it: $u a clock, $c and $v its aliases (one of the other), $m a global's.
var PROGRAM = [
  "var $h=function(){return $c()+$v()},$c,$v,$m,$k,$u;",
  "$u=function(){return 2};",
  "$c=$u;$v=$c,$m=print,$k=1;",
  "function $f(t){$m(t,$h(),$k)}",
  "$f(\"a\");",
].join("");

describe("the bundle's top-level aliases", function () {
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
    [
      "var $c,$u=1;$c=$u;$c=2;print($c);", // written twice
      "var $c,$u=1;function $f(){$c=$u}$f();print($c);", // by a function, at any time
      "var $c,$u;$c=$u;$u=1;print($c);", // its name written after it: the alias stays undefined
      "var $c,$u=1;$c=$u;$u=2;print($c);", // its name written twice
      "var $c=print;print=function(){};$c(1);", // a global the bundle writes
      "var $c,$u=1;$c=$u;for($c in {a:1});print($c,$u);", // written again by a for-in
      "var $c,$u=1;print($c);$c=$u;print($c);", // read before it is written
      "var $u=1;var $c=$u;function $f($u){return $c+$u}print($f(2));", // shadowed where it is read
    ].forEach(function (code) {
      assert.strictEqual(collapseAliases(code), null, code);
    });
  });

  it("drops a var statement left with nothing to declare, and keeps the commas of the rest right", function () {
    assert.strictEqual(collapseAliases("var $a,$b;$a=print;$b=$a;$b(1);")!.code, "print(1);");
    assert.strictEqual(collapseAliases("var $x=1,$a=print,$b=$a,$y=2;$b($x,$y);")!.code, "var $x=1,$y=2;print($x,$y);");
    assert.strictEqual(collapseAliases("var $x,$a,$y;$x=1,$a=print,$y=2;$a($x,$y);")!.code, "var $x,$y;$x=1,$y=2;print($x,$y);");
    assert.strictEqual(collapseAliases("var $x,$y,$a,$b;$x=1,$y=2,$a=print,$b=$a;$b($x,$y);")!.code, "var $x,$y;$x=1,$y=2;print($x,$y);");
  });
});
