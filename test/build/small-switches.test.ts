// The device build writes a state machine of two cases, the start and one resume, as an if, one of a single case as its statements,
// and a counting loop's three cases with its step before its test.

import assert = require("assert");
import MagicString from "magic-string";
import { parse } from "../../src/build/lower";
import { dropSmallSwitches } from "../../src/build/small-switches";

function rewrite(code: string): string {
  var s = new MagicString(code);
  dropSmallSwitches(s, parse(code));
  return s.toString();
}

/** The instructions a driver gets stepping the body `f` of `text` to its end, resuming each with what it gave, and the label after each but the last (no one reads a finished coroutine's). */
function steps(text: string): unknown[] {
  var f: (a: { _label: number }, s?: unknown) => unknown[] = new Function("var n = 0, log = [];" + text + " return f;")(),
    out: unknown[] = [],
    a = { _label: 0 },
    r: unknown[],
    sent: unknown;
  do {
    r = f(a, sent);
    out.push(r.slice(0, 2));
    if (r[0] !== 2) out.push(a._label);
    sent = r[1];
  } while (r[0] !== 2 && out.length < 100);
  return out;
}

function unchanged(code: string): void {
  assert.strictEqual(rewrite(code), code);
}

describe("state machines of one or two cases, or a counting loop's three,", function () {
  it("become an if: the first case when the label is 0, the second after it or on a resume", function () {
    var code = "var f = function (_a, _s) { switch (_a._label) { case 0: n = 1; return [4, n, _a._label = 1]; case 1: return [2, _s + 1]; } };";
    assert.strictEqual(rewrite(code), "var f = function (_a, _s) { { if (!_a._label) {n = 1; return [4, n, _a._label = 1]; }return [2, _s + 1]; } };");
    assert.deepStrictEqual(steps(rewrite(code)), steps(code));
    assert.deepStrictEqual(steps(code), [[4, 1], 1, [2, 2]]);
  });

  it("run the same steps where the first case falls into the second, or a loop goes back to the first", function () {
    [
      "var f = function (_a, _s) { switch (_a._label) { case 0: n = 5; case 2: if (n-- > 3) return [4, n, _a._label = 2]; return [2, n]; } };",
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: n++; if (n > 3) return [2, n]; return [4, n, _a._label = 1]; case 1: _a._label = 0; continue; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 0: case 1: n++; return n < 3 ? [4, n, _a._label = 1] : [2, n]; } };",
    ].forEach(function (code) {
      assert.notStrictEqual(rewrite(code), code);
      assert.deepStrictEqual(steps(rewrite(code)), steps(code));
    });
    // The loop keeps its second case inside it.
    assert.deepStrictEqual(steps("var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: n++; if (n > 3) return [2, n]; return [4, n, _a._label = 1]; case 1: _a._label = 0; continue; } };"), [[4, 1], 1, [4, 2], 1, [4, 3], 1, [2, 4]]);
  });

  it("rewrite a body whose nested state machines have states of their own", function () {
    var code = "var f = function (_a, _s) { switch (_a._label) { case 0: g(function (_a) { switch (_a._label) { case 0: return [4, 1, _a._label = 3]; case 3: return [2]; } }); return [4, 0, _a._label = 1]; case 1: return [2]; } };";
    assert.strictEqual(rewrite(code).split("if (!_a._label)").length, 3);
  });

  it("of one case lose the switch, and write label 1 where they wrote 0, as a task group reads 0 as a task not yet started", function () {
    var code = "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: n++; if (n > 3) return [2, n]; return [8, n, _a._label = 0]; } };";
    assert.strictEqual(rewrite(code), "var f = function (_a, _s) { for (;;) {n++; if (n > 3) return [2, n]; return [8, n, _a._label = 1]; } };");
    assert.deepStrictEqual(steps(code), [[8, 1], 0, [8, 2], 0, [8, 3], 0, [2, 4]]);
    assert.deepStrictEqual(steps(rewrite(code)), [[8, 1], 1, [8, 2], 1, [8, 3], 1, [2, 4]]);
    code = "var f = function (_a, _s) { switch (_a._label) { case 0: _a._label = 0; return [2, 1]; } };";
    assert.strictEqual(rewrite(code), "var f = function (_a, _s) { {_a._label = 1; return [2, 1]; } };");
  });

  it("of a counting loop that awaits put its step before its test, in the if's else, and lose the loop where nothing else continues it", function () {
    var code = "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: i = 0; case 1: if (!(i < 3)) return [2, i]; log.push(i); return [8, i, _a._label = 2]; case 2: i++; { _a._label = 1; continue; } } };";
    assert.strictEqual(rewrite(code), "var f = function (_a, _s) { { if (!_a._label) {i = 0; } else {i++; }if (!(i < 3)) return [2, i]; log.push(i); return [8, i, _a._label = 2]; } };");
    assert.deepStrictEqual(steps(rewrite(code)), steps(code));
    assert.deepStrictEqual(steps(code), [[8, 0], 2, [8, 1], 2, [8, 2], 2, [2, 3]]);
    // Case 0 writing the label it falls into, a jump of two statements, and a continue of its own, which keeps the loop.
    code = "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: i = 0; _a._label = 1; case 1: if (!(i < 5)) return [2, i]; if (i === 1) { i = 2; _a._label = 2; continue; } return [8, i, _a._label = 2]; case 2: i++; _a._label = 1; continue; } };";
    assert.strictEqual(rewrite(code), "var f = function (_a, _s) { for (;;) { if (!_a._label) {i = 0;  } else {i++; }if (!(i < 5)) return [2, i]; if (i === 1) { i = 2; _a._label = 2; continue; } return [8, i, _a._label = 2]; } };");
    assert.deepStrictEqual(steps(rewrite(code)), steps(code));
    assert.deepStrictEqual(steps(code), [[8, 0], 2, [8, 3], 2, [8, 4], 2, [2, 5]]);
  });

  it("of three cases stay where the step is only the jump, something else resumes at the test, or a step out of the test leaves the label as it is", function () {
    [
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: i = 0; case 1: if (!(i < 3)) return [2, i]; return [8, i, _a._label = 2]; case 2: { _a._label = 1; continue; } } };",
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: i = 0; case 1: if (!(i < 3)) return [2, i]; if (i) return [8, i, _a._label = 1]; return [8, i, _a._label = 2]; case 2: i++; { _a._label = 1; continue; } } };",
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: i = 0; case 1: if (!(i < 3)) return [2, i]; return [8, i, _a._label = 2]; case 2: i++; return [2]; } };",
      // A suspension that leaves the label resumes at the test after the jump: without the jump's write it would run the step again.
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: i = 0; case 1: if (!(i < 3)) return [2, i]; if (i) return [8, i]; return [8, i, _a._label = 2]; case 2: i++; { _a._label = 1; continue; } } };",
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: i = 0; case 1: if (!(i < 3)) return [2, i]; if (i === 1) continue; return [8, i, _a._label = 2]; case 2: i++; { _a._label = 1; continue; } } };",
    ].forEach(unchanged);
  });

  it("stay where a break leaves the switch, a try region or another use reads the state, or a label is written that no case has", function () {
    [
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: n++; if (n < 3) break; return [4, n, _a._label = 1]; case 1: return [2]; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 0: _a._try([0, 1, 0, 2]); return [4, n, _a._label = 1]; case 1: return [2]; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 0: g(_a); return [4, n, _a._label = 1]; case 1: return [2]; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 0: return [4, n, _a._label = 2]; case 1: return [2]; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 0: return [4, n, _a._label++]; case 1: return [2]; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 0: return [4, n, _a._label = 1]; default: return [2]; } };",
      "var f = function (_a, _s) { for (;;) switch (_a._label) { case 0: n++; if (n < 3) break; return [8, n, _a._label = 0]; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 0: return [4, n, _a._label = 1]; } };",
      "var f = function (_a, _s) { switch (_a._label) { case 1: return [4, n, _a._label = 1]; } };",
    ].forEach(unchanged);
  });

  it("rewrite where a break leaves a loop or switch of the case's own", function () {
    var code = "var f = function (_a, _s) { switch (_a._label) { case 0: for (;;) { if (n++ > 2) break; } switch (n) { case 4: break; } return [4, n, _a._label = 1]; case 1: return [2, n]; } };";
    assert.notStrictEqual(rewrite(code), code);
    assert.deepStrictEqual(steps(rewrite(code)), steps(code));
    assert.deepStrictEqual(steps(code), [[4, 4], 1, [2, 4]]);
  });
});
