// The development build's timer queue (DEV: the host, where the simulator
// runs thousands of sleeping tasks): a binary min-heap keyed by deadline,
// ties in the order the nodes were pushed. Push, pop and remove are
// O(log n); a node carries its index, so removing one needs no search. The
// device build keeps a sorted list instead (loop.ts): on Espruino an array
// is a linked list, where a heap's indexing is O(n) too, and the heap's two
// fields per node and its code would cost RAM. Both give the same order.

import type { TimerNode } from "./loop";

/** A TimerNode as the heap keeps it. */
interface HeapNode extends TimerNode {
  /** Push order, to break ties. */
  _seq?: number;
  /** Index in the heap, -1 when not in it. */
  _index?: number;
}

var pushes = 0;

function before(a: HeapNode, b: HeapNode): boolean {
  return a._at < b._at || (a._at === b._at && a._seq! < b._seq!);
}

function place(h: HeapNode[], n: HeapNode, i: number): void {
  h[i] = n;
  n._index = i;
}

function up(h: HeapNode[], i: number): void {
  var n = h[i], p: number;
  while (i > 0) {
    p = (i - 1) >> 1;
    if (!before(n, h[p])) break;
    place(h, h[p], i);
    i = p;
  }
  place(h, n, i);
}

function down(h: HeapNode[], i: number): void {
  var n = h[i], len = h.length, c: number;
  for (;;) {
    c = 2 * i + 1;
    if (c >= len) break;
    if (c + 1 < len && before(h[c + 1], h[c])) c++;
    if (!before(h[c], n)) break;
    place(h, h[c], i);
    i = c;
  }
  place(h, n, i);
}

export function heapPush(h: HeapNode[], n: HeapNode): void {
  n._seq = pushes++;
  h.push(n);
  up(h, h.length - 1);
}

/** Removes `n` if it is in the heap. */
export function heapRemove(h: HeapNode[], n: HeapNode): void {
  var i = n._index, last: HeapNode;
  if (i === undefined || i < 0 || h[i] !== n) return;
  n._index = -1;
  last = h.pop()!;
  if (last === n) return;
  place(h, last, i);
  down(h, i);
  up(h, last._index!);
}
