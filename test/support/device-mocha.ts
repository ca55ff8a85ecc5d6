// What the host's tests of the scheduler need of mocha, assert and
// runVirtual, inside a device bundle (test/support/device-suites.ts builds
// each test file with this in their place): the tests run one after another
// on the bundle's one loop, in the virtual time of the engines' timer shim
// (src/sim/timer-shim.ts), and each prints "ok <name>", "not ok <name>:
// <why>", or "skip <name>" for one that only the host can run. Bundled
// only; the host never runs it.

import { run, setExceptionHandler } from "ristretto";

declare function __fire(limit: number): boolean;
declare var __now: number;
declare var __timers: unknown[];

type Print = (...parts: unknown[]) => void;

/** When the current run began: its clock reads 0 then, as a fresh VirtualClock does. */
var start = 0;

/** The virtual clock of the shim, with the calls of the host's VirtualClock that the tests make. */
export var clock = {
  now: function (): number {
    return Date.now() - start;
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
  /** Timers the runtime holds: the platform timer the loop arms, and any a test set. */
  pending: function (): number {
    return __timers.length;
  },
};
export type VirtualClock = typeof clock;

export interface VirtualOptions {
  allowNeverAwaited?: boolean;
  maxWakeups?: number;
  mainMayFail?: boolean;
}

var tests: { name: string; test: string; fn: () => unknown }[] = [], suites: string[] = [];

export function describe(name: string, fn: () => void): void {
  suites.push(name);
  fn();
  suites.pop();
}

export function it(name: string, fn: () => unknown): void {
  tests.push({ name: suites.concat([name]).join(": "), test: name, fn: fn });
}

function text(v: unknown): string {
  return typeof v === "string" || v instanceof Array ? JSON.stringify(v) : String(v);
}

function fail(message: string): never {
  throw new Error(message);
}

/** Does `e` pass `expected`: a RegExp its text matches (as Node's assert.throws has it), or a function that says so. */
function passes(e: unknown, expected?: RegExp | ((e: unknown) => boolean)): boolean {
  return !expected || (expected instanceof RegExp ? expected.test(String(e)) : expected(e));
}

/** Node's assert, as far as the tests use it; deep equality as JSON sees it, which is enough for lines and small values. */
export var assert = {
  deepStrictEqual: function (actual: unknown, expected: unknown, message?: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) fail((message ? message + ": " : "") + "expected " + text(expected) + ", got " + text(actual));
  },
  strictEqual: function (actual: unknown, expected: unknown, message?: string): void {
    if (actual !== expected) fail((message ? message + ": " : "") + "expected " + text(expected) + ", got " + text(actual));
  },
  ok: function (v: unknown, message?: string): void {
    if (!v) fail(message || "expected a truthy value, got " + text(v));
  },
  match: function (s: string, re: RegExp): void {
    if (!re.test(s)) fail("expected " + text(s) + " to match " + String(re));
  },
  fail: function (message?: string): never {
    return fail(message || "failed");
  },
  /** For the type check alone: a test that awaits a native Promise with mocha is the host's. */
  rejects: function (p: PromiseLike<unknown>, expected?: RegExp): PromiseLike<void> {
    return fail("assert.rejects() is the host's: " + String(p) + " " + String(expected));
  },
  throws: function (fn: () => unknown, expected?: RegExp | ((e: unknown) => boolean)): void {
    try {
      fn();
    } catch (e) {
      if (!passes(e, expected)) fail("it raised " + String(e) + ", which is not what was expected");
      return;
    }
    fail("expected an exception");
  },
};

/**
 * runVirtual of test/support/virtual.ts on the device's loop: runs
 * `main(print, clock)` until nothing is left to do, with what print() and
 * the exception handler wrote in `lines`. A device keeps no record of
 * coroutines never awaited (that check is the host's).
 */
export function runVirtual<T>(main: (print: Print, clock: VirtualClock) => PromiseLike<T>, options?: VirtualOptions) {
  var opts = options || {}, lines: string[] = [], wakeups = 0, max = opts.maxWakeups || 1000000;
  var outcome = { done: false, failed: false, value: undefined as unknown, error: undefined as unknown };
  function print() {
    var parts: string[] = [], i: number;
    for (i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));
    lines.push(parts.join(" "));
  }
  start = Date.now();
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
    outcome.done = true;
  });
  while (__fire(Infinity)) {
    if (++wakeups > max) fail("the loop did not go idle after " + max + " wakeups: a task never waits?");
  }
  setExceptionHandler(undefined);
  if (outcome.failed && !opts.mainMayFail) fail("the main task raised " + String(outcome.error) + "; it printed:\n" + lines.join("\n"));
  return {
    lines: lines,
    clock: clock,
    error: outcome.error,
    neverAwaited: [] as string[],
    task: {
      done: function (): boolean {
        return outcome.done;
      },
      result: function (): T {
        if (outcome.failed) throw outcome.error;
        return outcome.value as T;
      },
    },
  };
}

/** What String() of a UsageError gives on a device: its code alone (on the host, test/support/virtual.ts, its message too). */
export function usageText(code: string, message: string): string {
  return "UsageError [" + code + "]"; // `message`: the host's
}

/** Runs every test registered, in order, printing each verdict; those named in `skip` are the host's alone. */
export function runSuite(skip: string[]): void {
  for (var i = 0; i < tests.length; i++) {
    var name = tests[i].name;
    if (skip.indexOf(tests[i].test) >= 0) {
      console.log("skip " + name);
      continue;
    }
    try {
      if (tests[i].fn() !== undefined) fail("an async test, which only mocha on the host awaits");
      console.log("ok " + name);
    } catch (e) {
      console.log("not ok " + name + ": " + String(e));
    }
  }
}
