// A parameter that no call of its function passes is a variable of the
// function, its TypeScript default its value (src/build/unpassed-params.ts);
// every other stays.

import assert = require("assert");
import { localizeUnpassed } from "../../src/build/unpassed-params";
import { leftAlone } from "../support/left-alone";
import { printed as run } from "../support/printed";

// The talk's counter (a default no call passes), CancelledError (a class: `new`, `instanceof`, its prototype), and a parameter without a default.
var PROGRAM = [
  "function count(a, boom) { if (boom === void 0) { boom = 42; } return a + boom; }",
  'function E(message) { if (message === void 0) { message = "cancelled"; } this.message = message; }',
  'E.prototype.name = "E";',
  "function pair(a, b, c) { return [a, b, c]; }",
  "print(count(1), new E().message, new E() instanceof E, new E().name, pair(1), pair(1, 2));",
].join("\n");

describe("the bundle's parameters that no call passes", function () {
  it("makes each a variable of its function, with TypeScript's default for its value", function () {
    assert.strictEqual(
      localizeUnpassed(PROGRAM)!.code,
      [
        "function count(a) { var boom = 42; return a + boom; }",
        'function E() { var message = "cancelled"; this.message = message; }',
        'E.prototype.name = "E";',
        "function pair(a, b) {var c; return [a, b, c]; }",
        "print(count(1), new E().message, new E() instanceof E, new E().name, pair(1), pair(1, 2));",
      ].join("\n"),
    );
  });

  it("runs the same as before", function () {
    assert.strictEqual(run(localizeUnpassed(PROGRAM)!.code), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "43 cancelled true E 1,, 1,2,");
  });

  it("keeps the parameters of a function read but to be called, declared in a block, or called with all of them", function () {
    leftAlone(localizeUnpassed, [
      "function f(a, b) { return b; } print(f(1), f);", // read as a value
      "function f(a, b) { return b; } print(f(1), f.length);", // its length read
      "function f(a, b) { return b; } print(f.apply(null, [1, 2]));", // called by apply
      "function f(a, b) { return b; } print(f(1), f(1, 2));", // one call passes both
      "if (print) { function f(a, b) { return b; } } print(f(1));", // declared in a block
      "function f(a, b) { return b; }", // never called
    ]);
    // Each function by its own calls: a function's f of its own, and the program's.
    var code = "function g() { return f(1); function f(a, b) { return b; } } function f(a, b) { return b; } print(g(), f(1, 2));";
    assert.strictEqual(localizeUnpassed(code)!.code, "function g() { return f(1); function f(a) {var b; return b; } } function f(a, b) { return b; } print(g(), f(1, 2));");
  });
});
