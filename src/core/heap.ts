// A binary min-heap of timer nodes keyed by absolute deadline; ties go in the
// order the nodes were pushed. Push, pop and remove are O(log n). A node
// carries its own index, so removing one (a cancelled sleep) needs no search.
// Nodes are sleeping tasks and timeout timers; no wrapper object per entry.

export interface TimerNode {
  /** Deadline, ms on the loop's clock. */
  _d: number;
  /** Push order, to break ties. */
  _q: number;
  /** Index in the heap, -1 when not in it. */
  _h: number;
  _fire(): void;
}

function before(a: TimerNode, b: TimerNode): boolean {
  return a._d < b._d || (a._d === b._d && a._q < b._q);
}

function place(h: TimerNode[], n: TimerNode, i: number): void {
  h[i] = n;
  n._h = i;
}

function up(h: TimerNode[], i: number): void {
  var n = h[i], p: number;
  while (i > 0) {
    p = (i - 1) >> 1;
    if (!before(n, h[p])) break;
    place(h, h[p], i);
    i = p;
  }
  place(h, n, i);
}

function down(h: TimerNode[], i: number): void {
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

export function heapPush(h: TimerNode[], n: TimerNode): void {
  n._h = h.length;
  h.push(n);
  up(h, n._h);
}

/** Removes `n` if it is in the heap. */
export function heapRemove(h: TimerNode[], n: TimerNode): void {
  var i = n._h, last: TimerNode;
  if (!(i >= 0) || h[i] !== n) return;
  n._h = -1;
  last = h.pop()!;
  if (last === n) return;
  h[i] = last;
  last._h = i;
  down(h, i);
  up(h, last._h);
}
