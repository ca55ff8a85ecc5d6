import assert = require("assert");
import { heapPush, heapRemove } from "../../src/core/heap";
import type { TimerNode } from "../../src/core/heap";

function node(d: number, q: number): TimerNode {
  return { _d: d, _q: q, _h: -1, _fire: function () {} };
}

function drain(h: TimerNode[]): TimerNode[] {
  var out: TimerNode[] = [];
  while (h.length) {
    out.push(h[0]);
    heapRemove(h, h[0]);
  }
  return out;
}

describe("timer heap", function () {
  it("pops nodes by deadline, ties in push order", function () {
    var h: TimerNode[] = [], nodes: TimerNode[] = [], seed = 7, i: number;
    for (i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      nodes.push(node(seed % 50, i));
      heapPush(h, nodes[i]);
    }
    var expected = nodes.slice().sort((a, b) => a._d - b._d || a._q - b._q);
    assert.deepStrictEqual(drain(h), expected);
  });

  it("removes any node, keeping the order of the rest, and forgets removed nodes", function () {
    var h: TimerNode[] = [], nodes: TimerNode[] = [], i: number;
    for (i = 0; i < 100; i++) heapPush(h, (nodes[i] = node((i * 37) % 11, i)));
    for (i = 0; i < 100; i += 3) heapRemove(h, nodes[i]);
    heapRemove(h, nodes[0]); // removing twice is harmless
    assert.strictEqual(nodes[0]._h, -1);
    var kept = nodes.filter((_, j) => j % 3 !== 0).sort((a, b) => a._d - b._d || a._q - b._q);
    assert.deepStrictEqual(drain(h), kept);
  });
});
