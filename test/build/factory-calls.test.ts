// The device build calls `new C(...)` where a function did nothing but that, keeping what the code does.

import assert = require("assert");
import MagicString from "magic-string";
import { inlineFactories } from "../../src/build/factory-calls";
import { parse } from "../../src/build/lower";
import { printed as run } from "../support/printed";

function rewrite(code: string): string {
  var s = new MagicString(code);
  inlineFactories(s, parse(code));
  return s.toString();
}

/** The program in the bundle's IIFE, with a class C. */
function bundle(body: string): string {
  return "(function () {\nfunction C(a) { this.a = a; }\n" + body + "\n})();\n";
}

describe("factory calls", function () {
  it("makes each call of a function that only makes an object the new itself, and drops the function", function () {
    var code = bundle("function make(a, b) { return new C(a); }\nprint(make(1).a, make(2).a);"), out = rewrite(code);
    assert.strictEqual(out, bundle("\nprint(new C(1).a, new C(2).a);"));
    assert.strictEqual(run(out), run(code));
  });

  it("takes TypeScript's class wrapper for one class", function () {
    var code = "(function () {\nvar D = (function () { function D(a) { this.a = a; } return D; }());\nfunction make(a) { return new D(a); }\nprint(make(3).a);\n})();\n";
    var out = rewrite(code);
    assert.ok(/print\(new D\(3\)\.a\)/.test(out), out);
    assert.strictEqual(run(out), run(code));
  });

  var kept: [string, string][] = [
    ["a function called more than four times (the text would grow)", "function make(a) { return new C(a); }\nprint(make(1).a + make(2).a + make(3).a + make(4).a + make(5).a);"],
    ["a function that is passed on", "function make(a) { return new C(a); }\nvar f = make;\nprint(f(1).a);"],
    ["a function called with more arguments than it passes on", "function make(a) { return new C(a); }\nprint(make(1, 2).a);"],
    ["a function whose class's name is declared again", "function make(a) { return new C(a); }\nfunction g(C) { return make(C); }\nprint(g(1).a);"],
    ["a function that passes its parameters on out of order", "function make(a, b) { return new C(b, a); }\nprint(make(1, 2).a);"],
    ["a function that does more", "function make(a) { a++; return new C(a); }\nprint(make(1).a);"],
  ];
  kept.forEach(function (k) {
    it("leaves " + k[0], function () {
      var code = bundle(k[1]);
      assert.strictEqual(rewrite(code), code);
    });
  });
});
