// A runtime's timers (setTimeout, setInterval, and Espruino's debounce
// timeouts) on the simulation's virtual clock, by the ids the runtime gives.
// An interval is re-armed from its own deadline, so it does not drift (both
// Espruino and Kaluma add the interval to the deadline). Host only.

import type { VirtualClock } from "../virtual-clock";

interface Timer {
  id: number;
  at: number;
  /** 0 for a one-shot timer. */
  interval: number;
  /** Runs the callback; false stops an interval (Kaluma drops a timer whose callback threw). */
  fire: () => boolean;
  release: () => void;
  /** Not the program's own (a debounce timeout): clearTimeout() with no argument keeps it. */
  internal: boolean;
  handle: unknown;
}

export class Timers {
  /** Live timers, in the order they were set. */
  _live: Timer[] = [];

  /** `newId` gives the id of the next timer from the last live one's (0 if none). */
  constructor(
    public _clock: VirtualClock,
    public _newId: (lastId: number) => number,
  ) {}

  /** Arms a timer `ms` from now (repeating every `interval` ms if > 0); gives its id. */
  add(fire: () => boolean, ms: number, interval: number, release: () => void, internal?: boolean): number {
    var last = this._live[this._live.length - 1];
    var t: Timer = { id: this._newId(last ? last.id : 0), at: this._clock.now() + Math.max(0, ms), interval: interval, fire: fire, release: release, internal: !!internal, handle: 0 };
    this._live.push(t);
    this._arm(t);
    return t.id;
  }

  /** Moves a live timer to `ms` from now; false if there is none with that id. */
  move(id: unknown, ms: number): boolean {
    var t = this._find(id);
    if (!t) return false;
    this._clock.clearTimer(t.handle);
    t.at = this._clock.now() + Math.max(0, ms);
    this._arm(t);
    return true;
  }

  /** Clears a live timer; false if there is none with that id. */
  remove(id: unknown): boolean {
    var t = this._find(id);
    if (!t) return false;
    this._clock.clearTimer(t.handle);
    this._drop(t);
    t.release();
    return true;
  }

  /** Clears every timer (but the internal ones unless `internal`). */
  removeAll(internal: boolean): void {
    var self = this;
    this._live.slice().forEach(function (t) {
      if (internal || !t.internal) self.remove(t.id);
    });
  }

  _find(id: unknown): Timer | undefined {
    for (var i = 0; i < this._live.length; i++) if (this._live[i].id === id) return this._live[i];
    return undefined;
  }

  _drop(t: Timer): void {
    var i = this._live.indexOf(t);
    if (i >= 0) this._live.splice(i, 1);
  }

  _arm(t: Timer): void {
    var self = this, clock = this._clock;
    t.handle = clock.setTimer(function () {
      if (t.interval > 0) {
        t.at += t.interval;
        self._arm(t); // before the callback, which may clear it
        if (!t.fire() && self._live.indexOf(t) >= 0) self.remove(t.id);
        return;
      }
      self._drop(t);
      try {
        t.fire();
      } finally {
        t.release();
      }
    }, t.at - clock.now());
  }
}
