// The device build unwraps TypeScript's class wrappers, keeping what the code does.

import assert = require("assert");
import MagicString from "magic-string";
import { unwrapClasses } from "../../src/build/class-unwrap";
import { parse } from "../../src/build/lower";
import { printed as run } from "../support/printed";

function unwrap(code: string): string {
  var s = new MagicString(code);
  unwrapClasses(s, parse(code));
  return s.toString();
}

var CLASS = "var A = /** @class */ (function () {\n  function A(x) { this.x = x; }\n  A.prototype.get = function () { return this.x; };\n  return A;\n}());\n";

var cases: [string, string, string][] = [
  ["makes a class wrapper the statements it held", CLASS + "print(new A(3).get(), typeof A);", "function A(x) { this.x = x; }\n  A.prototype.get = function () { return this.x; };\n  \nprint(new A(3).get(), typeof A);"],
  [
    "unwraps a wrapper assigned to a variable declared elsewhere",
    "var B;\nB = (function () { function B() {} B.prototype.n = 2; return B; }());\nprint(new B().n);",
    "var B;\nfunction B() {} B.prototype.n = 2; \nprint(new B().n);",
  ],
  ["leaves a subclass's wrapper, which takes its base", "function P() {}\nvar C = (function (_super) { function C() { _super.call(this); } return C; }(P));\nprint(typeof C);", ""],
  ["leaves a wrapper that declares other names", "var D = (function () { function D() {} var n = 1; D.prototype.n = n; return D; }());\nprint(new D().n);", ""],
  ["leaves a wrapper that reads its own this", "var E = (function () { function E() {} E.prototype.g = this; return E; }());\nprint(typeof new E().g);", ""],
  ["leaves a wrapper whose result has another name", "var F = (function () { function G() {} return G; }());\nprint(typeof F, typeof G);", ""],
];

describe("unwrapping class wrappers", function () {
  cases.forEach(function (c) {
    it(c[0], function () {
      var out = unwrap(c[1]), expected = c[2] || c[1];
      assert.strictEqual(out, expected);
      assert.strictEqual(run(out), run(c[1]));
    });
  });
});
