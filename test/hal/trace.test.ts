import assert = require("assert");
import { Trace } from "../../src/hal/trace";
import type { TraceEntry } from "../../src/hal/trace";

describe("the compact trace", function () {
  function filled(n: number): Trace {
    var trace = new Trace(), a = trace.number("A0"), d = trace.number("D1");
    for (var i = 0; i < n; i++) trace.push(i / 2, i % 3 ? d : a, i % 3 ? i & 1 : (i % 100) / 100, !(i % 3));
    return trace;
  }

  it("gives back each change as it was pushed, levels and analog values, across chunks", function () {
    var entries = filled(20000).entries();
    assert.strictEqual(entries.length, 20000);
    assert.deepStrictEqual(entries.slice(0, 3), [
      { t: 0, pin: "A0", value: 0, analog: true },
      { t: 0.5, pin: "D1", value: 1 },
      { t: 1, pin: "D1", value: 0 },
    ]);
    assert.deepStrictEqual(entries[19998], { t: 9999, pin: "A0", value: 0.98, analog: true });
  });

  it("forEach from a change number gives the rest, with the right analog values, from inside a later chunk", function () {
    var trace = filled(20000), rest: TraceEntry[] = [];
    trace.forEach(function (t, pin, value, analog) {
      rest.push(analog ? { t: t, pin: pin, value: value, analog: true } : { t: t, pin: pin, value: value });
    }, 17001);
    assert.deepStrictEqual(rest, trace.entries().slice(17001));
  });
});
