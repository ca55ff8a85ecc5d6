// A clock for tests and the simulator: time stands still while code runs and
// jumps to the next timer when everything waits. Host only.

import type { Clock } from "../core/clock";

interface VirtualTimer {
  at: number;
  /** 0: an input (scripted press, ADC value), which goes before code due at the same time; 1: code. */
  rank: number;
  seq: number;
  fn: () => void;
}

export class VirtualClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers: VirtualTimer[] = [];

  now(): number {
    return this.t;
  }

  setTimer(fn: () => void, ms: number): unknown {
    return this._insert({ at: this.t + Math.max(0, ms), rank: 1, seq: this.seq++, fn: fn });
  }

  /** Schedules an input at virtual time `at`: code due at the same time sees it. */
  setInput(fn: () => void, at: number): void {
    this._insert({ at: Math.max(this.t, at), rank: 0, seq: this.seq++, fn: fn });
  }

  /**
   * `timers` is kept latest first, so the next to fire is the last: firing
   * pops it, and the loop's timers, due soon, go in near the end, while
   * thousands of scripted inputs (serial chunks) wait at the front.
   * Binary search: behind (in firing order) every timer due before it, or due
   * with it at the same or a lower rank.
   */
  _insert(timer: VirtualTimer): VirtualTimer {
    var lo = 0, hi = this.timers.length, mid: number, p: VirtualTimer;
    while (lo < hi) {
      mid = (lo + hi) >> 1;
      p = this.timers[mid];
      if (p.at > timer.at || (p.at === timer.at && p.rank > timer.rank)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
    return timer;
  }

  clearTimer(handle: unknown): void {
    var i = this.timers.lastIndexOf(handle as VirtualTimer);
    if (i < 0) throw new Error("clearTimer was given a timer that is not pending (fired or cleared): the loop must keep one live handle");
    this.timers.splice(i, 1);
  }

  /** Number of pending timers. */
  pending(): number {
    return this.timers.length;
  }

  /** Lets `ms` of virtual time pass inside running code, as CPU work would. */
  spend(ms: number): void {
    this.t += ms;
  }

  /** Fires the earliest timer, moving time to it; false if none is pending. */
  fireNext(): boolean {
    var timer = this.timers.pop();
    if (!timer) return false;
    if (timer.at > this.t) this.t = timer.at;
    timer.fn();
    return true;
  }

  /** Fires every timer due within `ms`, in order, then sets time to now + ms. */
  advance(ms: number): void {
    var end = this.t + ms;
    while (this.timers.length && this.timers[this.timers.length - 1].at <= end) this.fireNext();
    if (end > this.t) this.t = end;
  }
}
