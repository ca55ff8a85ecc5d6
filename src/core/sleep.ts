// sleep, sleepMs and checkpoint. A sleeping task is itself the timer entry
// (loop.ts): the Sleep object is dropped as soon as it is awaited.

import { awaitableThen } from "./create-task";
import { DEV } from "./dev";
import { THEN } from "./features";
import { UsageError, describe } from "./errors";
import { SLICE_MS, deviceLoop, loopNow } from "./loop";
import type { Task, Waitable } from "./task";

class Sleep implements PromiseLike<void>, Waitable {
  constructor(public _ms: number) {}
  declare then: PromiseLike<void>["then"];

  _aw(task: Task<any>): boolean {
    (DEV ? task._loop : deviceLoop)._sleep(task, this._ms);
    return true;
  }
}

/** What sleepMs(0) gives: the task goes to the back of the ready queue. Shared: it holds nothing. */
var YIELD = {
  _aw: function (task: Task<any>): number {
    // Straight to the ready queue, READY as it is: the loop is running (a task awaits only in its own step).
    return (DEV ? task._loop : deviceLoop)._ready.push(task);
  },
} as Waitable & PromiseLike<void>;

function checkDelay(fn: string, unit: string, v: number): void {
  if (typeof v !== "number" || v !== v) {
    throw new UsageError("E_BAD_DELAY", fn + " expects a number of " + unit + " (0 or more), got " + describe(v));
  }
}

/**
 * Suspends the current task for `ms` milliseconds; 0 or less just lets the
 * other ready tasks run first (as uasyncio's sleep_ms), Infinity sleeps until
 * cancelled.
 */
export function sleepMs(ms: number): PromiseLike<void> {
  if (DEV) checkDelay("sleepMs", "milliseconds", ms);
  return ms > 0 ? new Sleep(ms) : YIELD;
}

/** Suspends the current task for `seconds` (fractions allowed). */
export function sleep(seconds: number): PromiseLike<void> {
  if (DEV) checkDelay("sleep", "seconds", seconds);
  return sleepMs(seconds * 1000);
}

var CHECKPOINT = {
  _aw: function (task: Task<any>): boolean {
    var loop = DEV ? task._loop : deviceLoop;
    if (loopNow(loop) - loop._runStart < SLICE_MS) return false;
    loop._soon(task);
    return true;
  },
} as Waitable & PromiseLike<void>;
if (THEN) Sleep.prototype.then = YIELD.then = CHECKPOINT.then = awaitableThen;

/**
 * Yields to the other tasks if this run of the loop has used its time slice
 * (SLICE_MS), else returns at once. Put it in CPU-bound loops so LEDs keep
 * blinking and inputs keep being read.
 */
export function checkpoint(): PromiseLike<void> {
  return CHECKPOINT;
}
