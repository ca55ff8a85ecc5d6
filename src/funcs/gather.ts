import { suspend } from "../core/awaiting";
import { UsageError, describe } from "../core/errors";
import { DONE, currentTask, promote } from "../core/task";
import type { Task } from "../core/task";

export interface GatherOptions {
  /** Return exceptions in the results instead of raising the first one. */
  returnExceptions?: boolean;
}

/**
 * Runs the awaitables concurrently (each coroutine becomes a task) and returns
 * their results in order. Without returnExceptions the first exception is
 * raised at once and the others keep running; cancelling the gather cancels
 * every one still running. uasyncio's gather, with an array.
 */
export async function gather<T = unknown>(aws: PromiseLike<T>[], options?: GatherOptions): Promise<T[]> {
  if (!(aws instanceof Array)) {
    throw new UsageError("E_BAD_ARG", "gather expects an array of awaitables, got " + describe(aws));
  }
  var returnExceptions = !!(options && options.returnExceptions);
  var ts: Task<T>[] = [], i: number, t: Task<T>, failed: Task<T> | undefined, pending = 0;
  for (i = 0; i < aws.length; i++) ts.push(promote(aws[i]));
  if (!ts.length) return [];
  var me = currentTask(), token = {};
  var onDone = function (d: Task<T>) {
    if (failed) return;
    if (d._e && !returnExceptions) failed = d;
    else if (--pending) return;
    me._wake(token, undefined, 0);
  };
  for (i = 0; i < ts.length; i++) {
    t = ts[i];
    if (t._st !== DONE) {
      pending++;
      t._onDone(onDone);
    } else if (t._e && !returnExceptions && !failed) failed = t;
  }
  if (pending && !failed) {
    try {
      await suspend(token);
    } catch (e) {
      for (i = 0; i < ts.length; i++) {
        ts[i]._offDone(onDone);
        ts[i].cancel();
      }
      throw e;
    }
  }
  // Those still running are no longer gathered: their exceptions go to the handler.
  for (i = 0; i < ts.length; i++) ts[i]._offDone(onDone);
  if (failed) {
    failed._e = 2;
    throw failed._v;
  }
  var out: T[] = [];
  for (i = 0; i < ts.length; i++) {
    t = ts[i];
    if (t._e) t._e = 2;
    out.push(t._v as T);
  }
  return out;
}
