// The device build puts a method of ristretto's own that is called from one
// place into that place, keeping what the code does.

import assert = require("assert");
import MagicString from "magic-string";
import { inlineSingleUseMethods } from "../../src/build/single-use-methods";
import { parse } from "../../src/build/lower";
import { printed as run } from "../support/printed";

var OWN = ["_add", "_fire", "_get", "_loop", "_twice", "_args", "_late"];

function rewrite(code: string): { code: string; count: number } {
  var s = new MagicString(code), count = inlineSingleUseMethods(s, parse(code), OWN);
  return { code: s.toString(), count: count };
}

/** The program in the bundle's IIFE, a class `Q` with a list. */
function bundle(body: string): string {
  return "(function () {\nfunction Q() { this.list = []; }\n" + body + "\n})();\n";
}

/** Rewrites `body`'s bundle, checks it prints what it printed, and gives the rewritten code and count. */
function same(body: string): { code: string; count: number } {
  var code = bundle(body), r = rewrite(code);
  assert.strictEqual(run(r.code), run(code), r.code);
  return r;
}

describe("single-use methods", function () {
  it("puts a method called once as a statement into the call, its names renamed and this the receiver", function () {
    var r = same("Q.prototype._add = function (x) { var n = x * 2; this.list.push(n); };\nvar q = new Q(), n = 5;\nq._add(n);\nprint(q.list, n);");
    assert.strictEqual(r.count, 1);
    assert.ok(!/prototype\._add/.test(r.code), r.code);
    assert.ok(/\{ var x\$ = n;/.test(r.code), r.code);
  });

  it("uses a name given for a parameter as it is where the body calls nothing and assigns neither, and reads it once otherwise", function () {
    var r = same("Q.prototype._add = function (x) { this.list[0] = x; this.last = x; };\nvar q = new Q(), n = 5;\nq._add(n);\nprint(q.list, q.last);");
    assert.ok(/\{ q\.list\[0\] = n; q\.last = n; \}/.test(r.code), r.code);
    r = same("Q.prototype._add = function (x) { n = 0; this.last = x; };\nvar q = new Q(), n = 5;\nq._add(n);\nprint(q.last, n);");
    assert.ok(/\{ var x\$ = n;/.test(r.code), r.code);
    r = same("Q.prototype._add = function (x) { x = x * 2; this.last = x; };\nvar q = new Q(), n = 5;\nq._add(n);\nprint(q.last, n);");
    assert.ok(/\{ var x\$ = n;/.test(r.code), r.code);
  });

  it("reads a receiver that is not a name once, before the arguments, as the call did", function () {
    var r = same("Q.prototype._add = function (x) { this.list.push(x, this.list.length); };\nvar qs = [new Q()], i = 0;\nqs[i++]._add(i);\nprint(qs[0].list, i);");
    assert.strictEqual(r.count, 1);
    assert.ok(/\{ var self\$ = qs\[i\+\+\], x\$ = i;/.test(r.code), r.code);
  });

  it("makes a method called once in an expression a function of its receiver", function () {
    var r = same("Q.prototype._get = function (k) { return this.list.length + k; };\nvar q = new Q();\nprint(q._get(3) > 2 ? 'yes' : 'no');");
    assert.strictEqual(r.count, 1);
    assert.ok(/function _get\$\(self\$, k\)/.test(r.code) && /_get\$\(q, 3\)/.test(r.code), r.code);
  });

  it("sets a variable the method left undefined again at each turn of a loop it goes into", function () {
    var r = same("Q.prototype._add = function (x) { var seen; if (x === 1) seen = x; this.list.push(seen); };\nvar q = new Q(), i;\nfor (i = 0; i < 3; i++) q._add(i);\nprint(q.list.join(','));");
    assert.strictEqual(r.count, 1);
    assert.ok(/seen\$ = void 0/.test(r.code), r.code);
  });

  var kept: [string, string][] = [
    ["a method called from two places", "Q.prototype._twice = function () { this.list.push(1); };\nvar q = new Q();\nq._twice();\nq._twice();\nprint(q.list.length);"],
    ["a method whose name is also a string", "Q.prototype._add = function () { this.list.push(1); };\nvar q = new Q();\nq._add();\nprint(typeof q['_add']);"],
    ["a method that is not ristretto's own", "Q.prototype.add = function () { this.list.push(1); };\nvar q = new Q();\nq.add();\nprint(q.list.length);"],
    ["a method assigned under an if", "if (true) { Q.prototype._add = function () { this.list.push(1); }; }\nvar q = new Q();\nq._add();\nprint(q.list.length);"],
    ["a method that reads arguments", "Q.prototype._args = function () { this.list.push(arguments.length); };\nvar q = new Q();\nq._args(1, 2);\nprint(q.list);"],
    [
      "a method that calls a function by its name, called in a loop (terser inlines that function into the method, and nothing into a loop)",
      "function own(q, x) { q.list.push(x); }\nQ.prototype._add = function (x) { own(this, x); };\nvar q = new Q(), i;\nfor (i = 0; i < 2; i++) q._add(i);\nprint(q.list);",
    ],
    [
      "a method with a loop, called in an expression",
      "Q.prototype._get = function () { for (var i = 0; i < 2; i++) this.list.push(i); return this.list.length; };\nvar q = new Q();\nprint(q._get() + 1);",
    ],
  ];
  kept.forEach(function (k) {
    it("leaves " + k[0], function () {
      var code = bundle(k[1]), r = rewrite(code);
      assert.strictEqual(r.count, 0, r.code);
      assert.strictEqual(r.code, code);
    });
  });

  it("makes a function, not a block, of a method reading a top-level name its caller declares too", function () {
    var r = same("var k = 1;\nQ.prototype._add = function () { this.list.push(k); };\nfunction f(q) { var k = 2; q._add(); return k; }\nvar q = new Q();\nf(q);\nprint(q.list);");
    assert.strictEqual(r.count, 1);
    assert.ok(/_add\$\(q\)/.test(r.code), r.code);
  });

  it("leaves a call inside another method it rewrites, one method at a time, to a second round", function () {
    var r = same("Q.prototype._fire = function () { this._late(); };\nQ.prototype._late = function () { this.list.push(7); };\nvar q = new Q();\nq._fire();\nprint(q.list);");
    assert.strictEqual(r.count, 1);
    assert.ok(/prototype\._late/.test(r.code), r.code);
    var again = rewrite(r.code); // the build's second round (singleUseAgainPlugin)
    assert.strictEqual(again.count, 1);
    assert.ok(!/prototype\./.test(again.code), again.code);
    assert.strictEqual(run(again.code), run(bundle("Q.prototype._fire = function () { this._late(); };\nQ.prototype._late = function () { this.list.push(7); };\nvar q = new Q();\nq._fire();\nprint(q.list);")));
  });
});
