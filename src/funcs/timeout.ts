import { DEV } from "../core/dev";
import { CancelledError, TimeoutError, UsageError, describe } from "../core/errors";
import { currentTask } from "../core/create-task";
import { deviceLoop, loopNow } from "../core/loop";
import { callAt, clearTimer } from "../core/timer";

/**
 * Runs `fn()` and awaits what it returns; if that takes longer than `ms`, the
 * current task is cancelled where it waits (whatever it awaits is cancelled in
 * turn and finishes its cleanup), and TimeoutError is raised. As uasyncio's
 * wait_for, it raises TimeoutError even if the work swallowed the cancellation.
 */
export async function timeout<T>(ms: number, fn: () => PromiseLike<T>): Promise<T> {
  if (typeof ms !== "number" || ms !== ms) {
    throw new UsageError("E_BAD_DELAY", "timeout expects a number of milliseconds, got " + describe(ms));
  }
  if (typeof fn !== "function") {
    throw new UsageError("E_BAD_ARG", "timeout expects a function that returns an awaitable, got " + describe(fn));
  }
  var task = currentTask(), loop = DEV ? task._loop : deviceLoop, fired = false, result: T;
  var timer = ms === Infinity ? undefined : callAt(loop, loopNow(loop) + Math.max(0, ms), function () {
    fired = true;
    task.cancel();
  });
  try {
    result = await fn();
  } catch (e) {
    if (fired && e instanceof CancelledError) throw new TimeoutError("timed out after " + ms + " ms");
    throw e;
  } finally {
    if (timer && !fired) clearTimer(loop, timer);
  }
  if (fired) throw new TimeoutError("timed out after " + ms + " ms");
  return result;
}
