// Time, as the scheduler sees it: a millisecond clock and one-shot timers.
// Devices and Node use the runtime's own; tests and the simulator use a
// virtual clock (src/sim/virtual-clock.ts) that jumps from deadline to
// deadline.

export interface Clock {
  /** Milliseconds, monotonic while the program runs. */
  now(): number;
  /** Calls `fn` once, `ms` from now. Returns a handle for clearTimer. */
  setTimer(fn: () => void, ms: number): unknown;
  /** Cancels a timer that has not fired. Never given a fired or cleared handle. */
  clearTimer(handle: unknown): void;
}

/**
 * The runtime's clock: Date.now() (floored: Espruino's carries fractions of a
 * millisecond) and setTimeout, which Espruino, Kaluma and Node all have.
 */
export var runtimeClock: Clock = {
  now: function () {
    return Math.floor(Date.now());
  },
  setTimer: function (fn, ms) {
    return setTimeout(fn, ms);
  },
  clearTimer: function (handle) {
    clearTimeout(handle);
  },
};
