import { DEV } from "../core/dev";
import { CANCEL } from "../core/features";
import { UsageError, describe } from "../core/errors";
import { DONE } from "../core/task-states";
import { promote } from "../core/create-task";
import { deviceLoop } from "../core/loop";
import type { Task } from "../core/task";

export interface GatherOptions {
  /** Return exceptions in the results instead of raising the first one. */
  returnExceptions?: boolean;
}

/** The results of a tuple or array of awaitables, as Promise.all types them. */
export type GatherResults<A extends readonly unknown[]> = { -readonly [K in keyof A]: Awaited<A[K]> };

/**
 * The same with returnExceptions: each element is its result or the exception
 * it raised. ristretto's errors do not extend Error (Espruino cannot), but
 * they have its shape (name, message), so `r instanceof CancelledError` and
 * `typeof r === "string"` narrow an element.
 */
export type GatherResultsOrErrors<A extends readonly unknown[]> = { -readonly [K in keyof A]: Awaited<A[K]> | Error };

/**
 * Runs the awaitables concurrently (each coroutine becomes a task) and returns
 * their results in order. Without returnExceptions the first exception is
 * raised at once and the others keep running; cancelling the gather cancels
 * every one still running. uasyncio's gather, with an array.
 */
export function gather<const A extends readonly PromiseLike<unknown>[]>(aws: A, options?: GatherOptions & { returnExceptions?: false }): Promise<GatherResults<A>>;
export function gather<const A extends readonly PromiseLike<unknown>[]>(aws: A, options: GatherOptions): Promise<GatherResultsOrErrors<A>>;
export async function gather<T = unknown>(aws: PromiseLike<T>[], options?: GatherOptions): Promise<T[]> {
  if (DEV && !(aws instanceof Array)) {
    throw new UsageError("E_BAD_ARG", "gather expects an array of awaitables, got " + describe(aws));
  }
  var returnExceptions = options && options.returnExceptions, ts: Task<T>[] = [], i: number, t: Task<T>, pending = 0;
  // The task whose exception is raised; none (undefined, or 0 once every task ended without one) while there is none.
  // The gathering task: the one that parks on the token (no task ends before it has).
  var failed: Task<T> | 0 | undefined, me: Task<any>;
  var onDone = function (d: Task<T>) {
    var f = d._error && !returnExceptions ? d : 0; // an exception ends the gather at once
    if (f || !--pending) me._wake(token, f, 0);
  };
  // What the gathering task awaits and parks on. Cancelled, it cancels the
  // tasks still running, in a one-off step queued before the task (the
  // canceller may be one of them), and raises CancelledError: no try block,
  // whose routing would cost a bundle that has no other. (Where no code can
  // cancel a task, nothing cancels the gathering one: CANCEL.)
  var token = {
    _aw: function (task: Task<any>) {
      me = task;
      task._park(token);
      return true;
    },
    _cancel:
      CANCEL &&
      function () {
        (DEV ? me._loop : deviceLoop)._soon(token as unknown as Task<any>);
      },
    _run:
      CANCEL &&
      function () {
        for (var j = 0; j < ts.length; j++) {
          ts[j]._cancel(onDone);
          ts[j].cancel();
        }
      },
  };
  for (i = 0; i < aws.length; i++) {
    t = promote(aws[i]);
    ts.push(t);
    if (t._state !== DONE) {
      pending++;
      t._onDone(onDone);
    } else if (t._error && !returnExceptions && !failed) failed = t;
  }
  if (pending && !failed) failed = (await (token as unknown as PromiseLike<unknown>)) as Task<T> | 0;
  // Those still running are no longer gathered: their exceptions go to the handler.
  for (i = 0; i < ts.length; i++) ts[i]._cancel(onDone);
  if (failed) {
    failed._error = 2; // retrieved: raised here (result(), without the call: a bundle may have no other)
    throw failed._value;
  }
  var out: T[] = [];
  for (i = 0; i < ts.length; i++) {
    t = ts[i];
    if (t._error) t._error = 2;
    out.push(t._value as T);
  }
  return out;
}
