// What a port of uasyncio's tests (test/uasyncio/) needs of mocha, assert and
// runVirtual, inside its device bundle (test/uasyncio/on-device.test.ts
// builds each port with this in place of those): the tests run one after
// another on the bundle's one loop, in the virtual time of the engines'
// timer shim (src/sim/timer-shim.ts), and each prints "ok <name>" or
// "not ok <name>: <why>". Bundled only; the host never runs it.

import { run, setExceptionHandler } from "ristretto";

declare function __fire(limit: number): boolean;
declare var __now: number;

type Print = (...parts: unknown[]) => void;

/** The virtual clock of the shim, with the calls of the host's VirtualClock that the ports make. */
export var clock = {
  now: function (): number {
    return Date.now();
  },
  setTimer: function (fn: () => void, ms: number): unknown {
    return setTimeout(fn, ms);
  },
  /** Time passes inside running code, as CPU work would. */
  spend: function (ms: number): void {
    __now += ms;
  },
  fireNext: function (): boolean {
    return __fire(Infinity);
  },
};
export type VirtualClock = typeof clock;

export interface VirtualOptions {
  allowNeverAwaited?: boolean;
  maxWakeups?: number;
  mainMayFail?: boolean;
}

var tests: { name: string; fn: () => void }[] = [], suite = "";

export function describe(name: string, fn: () => void): void {
  suite = name;
  fn();
}

export function it(name: string, fn: () => void): void {
  tests.push({ name: suite + ": " + name, fn: fn });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export var assert = {
  deepStrictEqual: function (actual: unknown, expected: unknown): void {
    if (!same(actual, expected)) throw new Error("expected " + JSON.stringify(expected) + ", got " + JSON.stringify(actual));
  },
  ok: function (v: unknown, message?: string): void {
    if (!v) throw new Error(message || "expected a truthy value, got " + String(v));
  },
};

/**
 * runVirtual of test/support/virtual.ts on the device's loop: runs
 * `main(print, clock)` until nothing is left to do, with what print() and
 * the exception handler wrote in `lines`. A device
 * keeps no record of coroutines never awaited (that check is the host's).
 */
export function runVirtual<T>(main: (print: Print, clock: VirtualClock) => PromiseLike<T>, options?: VirtualOptions) {
  var opts = options || {}, lines: string[] = [], wakeups = 0, max = opts.maxWakeups || 1000000;
  var outcome = { failed: false, value: undefined as unknown, error: undefined as unknown };
  function print() {
    var parts: string[] = [], i: number;
    for (i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));
    lines.push(parts.join(" "));
  }
  setExceptionHandler(function (ctx) {
    lines.push("handler: " + ctx.message + ": " + String(ctx.exception));
  });
  run(async function () {
    try {
      outcome.value = await main(print, clock);
    } catch (e) {
      outcome.failed = true;
      outcome.error = e;
    }
  });
  while (__fire(Infinity)) {
    if (++wakeups > max) throw new Error("the loop did not go idle after " + max + " wakeups");
  }
  setExceptionHandler(undefined);
  if (outcome.failed && !opts.mainMayFail) throw new Error("the main task raised " + String(outcome.error) + "; it printed:\n" + lines.join("\n"));
  return {
    lines: lines,
    clock: clock,
    error: outcome.error,
    task: {
      result: function (): T {
        if (outcome.failed) throw outcome.error;
        return outcome.value as T;
      },
    },
  };
}

/** Runs every test registered, in order, printing each verdict. */
export function runSuite(): void {
  for (var i = 0; i < tests.length; i++) {
    try {
      tests[i].fn();
      console.log("ok " + tests[i].name);
    } catch (e) {
      console.log("not ok " + tests[i].name + ": " + String(e));
    }
  }
}
