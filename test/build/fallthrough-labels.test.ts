// The device build drops a state machine's label write that only falls into its own case, where nothing at that label relies on it.

import assert = require("assert");
import MagicString from "magic-string";
import { dropFallthroughLabels } from "../../src/build/fallthrough-labels";
import { parse } from "../../src/build/lower";

function drop(code: string): string {
  var s = new MagicString(code);
  dropFallthroughLabels(s, parse(code));
  return s.toString();
}

/** A lowered body, as every() is: `case1` runs at label 1, which case 0 falls into and the sleep at its end resumes at. */
function body(case1: string, extra?: string): string {
  return "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: n = 0; _a._label = 1; case 1: " + case1 + " case 2: n = _s; return [2, n]; } };" + (extra || "");
}

describe("label writes that only fall into their case", function () {
  it("go where each suspension at that label writes the label it resumes at", function () {
    var code = body("n++; if (n > 3) return [2, n]; return [8, 10, _a._label = 1];");
    assert.strictEqual(drop(code), code.replace(" _a._label = 1; case 1:", "  case 1:"));
    code = body("n++; if (n > 3) { _a._label = 2; continue; } return _a._label = 1, SLEEP;");
    assert.strictEqual(drop(code), code.replace(" _a._label = 1; case 1:", "  case 1:"));
  });

  it("run the same steps without the write: a driver that resumes at the label gets the same results", function () {
    var code = body("n++; if (n > 3) return [2, n]; return [4, n, _a._label = 1];"), dropped = drop(code);
    assert.notStrictEqual(dropped, code);
    function steps(text: string): unknown[] {
      var n = 0, f: (a: { _label: number }, s?: unknown) => unknown[], out: unknown[] = [], a = { _label: 0 }, r: unknown[], sent: unknown;
      f = new Function("n", text + " return f;")(n);
      do {
        r = f(a, sent);
        out.push(r.slice(0, 2), a._label);
        sent = r[1];
      } while (r[0] !== 2);
      return out;
    }
    assert.deepStrictEqual(steps(dropped), steps(code));
    assert.deepStrictEqual(steps(code).slice(-2), [[2, 4], 1]);
  });

  it("stay where a suspension there leaves the label as it is, a continue or break goes back to the switch without one, or the case falls out of the switch", function () {
    [
      body("n++; return [8, 10];"), // resumes at the label as it is
      body("n++; return SLEEP;"),
      body("n++; if (n < 3) continue; return [2];"),
      body("n++; if (n < 3) break; return [2];"),
      body("n++; switch (n) { case 1: continue; } return [2];"), // a continue in a switch of its own goes to the for (;;)
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: n = 0; _a._label = 1; case 1: n++; if (n > 3) return [2]; } };", // the for (;;) runs it again at the label
    ].forEach(function (code) {
      assert.strictEqual(drop(code), code);
    });
  });

  it("stay in a body with try regions, whose route() reads the label, or where the state is used otherwise", function () {
    [
      body("_a._try([1, 2, 0, 3]); return [4, x, _a._label = 2];"),
      body("g(_a); return [8, 10, _a._label = 1];"),
    ].forEach(function (code) {
      assert.strictEqual(drop(code), code);
    });
  });
});
