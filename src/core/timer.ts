// Callbacks in a loop's timer heap, for timeout scopes and waitFor.

import { heapPush, heapRemove } from "./heap";
import type { TimerNode } from "./heap";
import type { Loop } from "./loop";

export class Timer implements TimerNode {
  declare _d: number;
  declare _q: number;
  _h = -1;
  constructor(public _f: () => void) {}
  _fire(): void {
    this._f();
  }
}

/** Calls `fn` at `at` (ms on the loop's clock), from the loop, between steps. */
export function callAt(loop: Loop, at: number, fn: () => void): Timer {
  var t = new Timer(fn);
  t._d = at;
  t._q = loop._seq++;
  heapPush(loop._heap, t);
  if (!loop._running) loop._arm();
  return t;
}

export function clearTimer(loop: Loop, t: Timer): void {
  heapRemove(loop._heap, t);
}
