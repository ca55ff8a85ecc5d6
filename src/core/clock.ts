// Time, as the scheduler sees it: a millisecond clock and one-shot timers.
// Devices and Node use the runtime's own; tests and the simulator use a
// virtual clock (src/sim/virtual-clock.ts) that jumps from deadline to
// deadline.

import { RUNTIME } from "./dev";

export interface Clock {
  /** Milliseconds, monotonic while the program runs. */
  now(): number;
  /** Calls `fn` once, `ms` from now. Returns a handle for clearTimer. */
  setTimer(fn: () => void, ms: number): unknown;
  /** Cancels a timer that has not fired. Never given a fired or cleared handle. */
  clearTimer(handle: unknown): void;
}

declare var millis: (() => number) | undefined;

/**
 * The runtime's milliseconds. Kaluma's Date.now() comes from the RP2040's
 * RTC, which steps in whole seconds: there, millis() (ms since boot) is the
 * clock. Espruino and Node have no millis(): Date.now(). Called unbound
 * (neither needs a `this`), as itself rather than through a function of
 * ours: on Espruino that is an eighth of the cost of a call that wraps it, in
 * a timed wake's five reads. Espruino's carries fractions of a millisecond,
 * which the loop takes as they come: deadlines are compared, never shown.
 */
export var runtimeNow: () => number = RUNTIME !== "espruino" && typeof millis === "function" ? millis : Date.now;

/**
 * The runtime's clock: runtimeNow(), and the runtime's own setTimeout and
 * clearTimeout, which every runtime has and none minds being called as a
 * method (a wrapper would cost a function, six variables on Espruino). A
 * device's loop calls all three directly (loop.ts).
 */
export var runtimeClock: Clock = {
  now: runtimeNow,
  setTimer: setTimeout as Clock["setTimer"],
  clearTimer: clearTimeout as Clock["clearTimer"],
};
