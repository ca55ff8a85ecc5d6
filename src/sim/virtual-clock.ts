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

  _insert(timer: VirtualTimer): VirtualTimer {
    var i = this.timers.length, p: VirtualTimer;
    while (i > 0 && ((p = this.timers[i - 1]).at > timer.at || (p.at === timer.at && p.rank > timer.rank))) i--;
    this.timers.splice(i, 0, timer);
    return timer;
  }

  clearTimer(handle: unknown): void {
    var i = this.timers.indexOf(handle as VirtualTimer);
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
    var timer = this.timers.shift();
    if (!timer) return false;
    if (timer.at > this.t) this.t = timer.at;
    timer.fn();
    return true;
  }

  /** Fires every timer due within `ms`, in order, then sets time to now + ms. */
  advance(ms: number): void {
    var end = this.t + ms;
    while (this.timers.length && this.timers[0].at <= end) this.fireNext();
    if (end > this.t) this.t = end;
  }
}
