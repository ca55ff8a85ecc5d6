// The host's timer queue gives the order the device's sorted list gives:
// earliest deadline first, equal deadlines in the order they were added.

import assert = require("assert");
import { heapPush, heapRemove } from "../../src/core/timer-heap";
import type { TimerNode } from "../../src/core/loop";

function node(at: number, name: string): TimerNode & { name: string } {
  return { _at: at, name: name, _fire: function () {} };
}

/** Pops everything, earliest first. */
function drain(h: TimerNode[]): string[] {
  var out: string[] = [];
  while (h.length) {
    var first = h[0] as TimerNode & { name: string };
    heapRemove(h, first);
    out.push(first.name);
  }
  return out;
}

describe("the host's timer heap", function () {
  it("gives the earliest deadline first, and equal deadlines in the order they were added", function () {
    var h: TimerNode[] = [], nodes: (TimerNode & { name: string })[] = [], seed = 7;
    for (var i = 0; i < 200; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      nodes.push(node((seed >>> 16) % 20, "n" + i));
    }
    nodes.forEach(function (n) {
      heapPush(h, n);
    });
    var sorted = nodes.slice().sort(function (a, b) {
      return a._at - b._at || +a.name.slice(1) - +b.name.slice(1);
    });
    assert.deepStrictEqual(drain(h), sorted.map((n) => n.name));
  });

  it("removes a node from anywhere, and ignores one it does not hold", function () {
    var h: TimerNode[] = [], a = node(5, "a"), b = node(1, "b"), c = node(3, "c"), d = node(3, "d");
    [a, b, c, d].forEach(function (n) {
      heapPush(h, n);
    });
    heapRemove(h, c);
    heapRemove(h, c);
    heapRemove(h, node(2, "stranger"));
    assert.deepStrictEqual(drain(h), ["b", "d", "a"]);
  });
});
