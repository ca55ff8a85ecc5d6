import { DEV } from "../core/dev";
import { describe, TimeoutError, UsageError } from "../core/errors";
import { sleepMs } from "../core/sleep";
import { DONE } from "../core/task-states";
import type { Task } from "../core/task";
import { currentTask, promote } from "../core/create-task";
import { deviceLoop, loopNow } from "../core/loop";

function checkLimit(fn: string, unit: string, v: unknown): void {
  if (v !== null && (typeof v !== "number" || v !== v)) {
    throw new UsageError("E_BAD_DELAY", fn + " expects a number of " + unit + " or null, got " + describe(v));
  }
}

/**
 * Awaits `aw` (made a task, as uasyncio's wait_for does) for at most `ms`
 * milliseconds; `null` means no limit. On timeout, cancels it, waits for it
 * to finish its cleanup, and raises TimeoutError. Cancelling the caller
 * raises CancelledError there at once and cancels `aw`.
 */
export async function waitForMs<T>(aw: PromiseLike<T>, ms: number | null): Promise<T> {
  checkLimit("waitForMs", "milliseconds", ms);
  var t = promote(aw);
  if (ms === null || ms === Infinity) return await t;
  var me = currentTask(), loop = DEV ? me._loop : deviceLoop, at = loopNow(loop) + Math.max(0, ms), woken = t._state === DONE;
  // The caller sleeps in the loop's timer list until the deadline, unless the
  // work ends first and wakes it: whichever comes first decides.
  var wake = function () {
    if (me._wake(loop, undefined, 0)) {
      loop._cancel(me);
      woken = true;
    }
  };
  var deadline = {
    _aw: function (task: Task<any>): boolean {
      task._at = at;
      task._park(loop);
      loop._addTimer(task);
      return true;
    },
  };
  if (!woken) {
    t._onDone(wake);
    try {
      await (deadline as unknown as PromiseLike<void>);
    } catch (e) {
      // Cancelled from outside: pass it on to the work, and leave at once.
      t._cancel(wake);
      t.cancel();
      throw e;
    }
    t._cancel(wake);
  }
  if (woken) {
    await sleepMs(0); // uasyncio hands the outcome over through a runner task: one round
    return t.result();
  }
  t.cancel();
  try {
    await t;
  } catch (e) {
    // its CancelledError, or whatever its cleanup raised: the timeout is the news
  }
  await sleepMs(0);
  throw new TimeoutError("timed out after " + ms + " ms");
}

/** waitForMs with the limit in seconds. */
export function waitFor<T>(aw: PromiseLike<T>, seconds: number | null): Promise<T> {
  checkLimit("waitFor", "seconds", seconds);
  return waitForMs(aw, seconds === null ? null : seconds * 1000);
}
