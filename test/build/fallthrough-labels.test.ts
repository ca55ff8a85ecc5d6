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

  it("go in a body with try regions where route() takes an exception at each label the body may be at as it did at the one written", function () {
    // taskGroup()'s: case 0 falls into case 1, which enters the region [1, 3, 0, 4]; its end, 4, into 5, and 5 into 6: each on the same side of the catch label, 3.
    var code = "var f = function (_a, _s) { switch (_a._label) { case 0: h = 1; _a._label = 1; case 1: _a._trys = [[1, 3, 0, 4]]; return [4, x, _a._label = 2]; case 2: return [3, 4]; case 3: return [3, 4]; case 4: h = 2; _a._label = 5; case 5: if (h) return [3, 1]; _a._label = 6; case 6: return [2]; } };";
    assert.strictEqual(drop(code), code.replace("_a._label = 1;", "").replace("_a._label = 5; case 5:", "").replace("_a._label = 6; case 6:", ""), "and cases 5 and 6, which nothing lands on now, are case 4 going on");
    // A case a jump, a label write or a region lands on stays; so do all where a label or a jump's target is not a number.
    code = "var f = function (_a, _s) { switch (_a._label) { case 0: _a._trys = [[0, 2, 0, 3]]; return [4, x, _a._label = 1]; case 1: y(); return [3, 3]; case 2: z(); case 3: if (w) return [3, 5]; case 4: v(); case 5: return [2]; } };";
    assert.strictEqual(drop(code), code.replace(" case 4:", ""));
    code = code.replace("[3, 5]", "[3, k]");
    assert.strictEqual(drop(code), code);
  });

  it("stay in a body with try regions where the label written is on the other side of a region's catch or finally label, or where the state is used otherwise", function () {
    [
      // case 2 falls into the catch block: an exception at 3 must not be caught again
      "var f = function (_a, _s) { switch (_a._label) { case 0: _a._trys = [[0, 3, 0, 4]]; return [4, x, _a._label = 2]; case 2: y(); _a._label = 3; case 3: z(); return [3, 4]; case 4: return [2]; } };",
      // and into the finally block, which a return there must not enter again
      "var f = function (_a, _s) { switch (_a._label) { case 0: _a._try([0, 0, 3, 4]); return [4, x, _a._label = 2]; case 2: y(); _a._label = 3; case 3: z(); return [3, 4]; case 4: return [2]; } };",
      // case 2, where an await resumes in the try block, falls into case 3 with no write: at 4 the body may still be at 2, which the catch would take
      "var f = function (_a, _s) { switch (_a._label) { case 0: _a._trys = [[0, 3, 0, 5]]; return [4, x, _a._label = 2]; case 2: y(); case 3: z(); _a._label = 4; case 4: w(); return [3, 5]; case 5: return [2]; } };",
      body("_a._try(region); return [4, x, _a._label = 2];"), // a region it cannot read
      body("g(_a); return [8, 10, _a._label = 1];"),
      body("v = _a[k]; return [8, 10, _a._label = 1];"), // a field read by a key computed at run time may be the label
    ].forEach(function (code) {
      assert.strictEqual(drop(code), code);
    });
  });
});
