// Callbacks in a loop's timer list, for timeout scopes and waitFor.

import type { Loop, TimerNode } from "./loop";

export class Timer implements TimerNode {
  constructor(public _at: number, public _fire: () => void) {}
}

/** Calls `fn` at `at` (ms on the loop's clock), from the loop, between steps. */
export function callAt(loop: Loop, at: number, fn: () => void): Timer {
  var t = new Timer(at, fn);
  loop._addTimer(t);
  return t;
}

export function clearTimer(loop: Loop, t: Timer): void {
  loop._cancel(t);
}
