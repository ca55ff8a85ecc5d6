import { Coroutine, OP_AWAIT, OP_ERROR, OP_RETURN } from "../core/coroutine";
import type { Instruction } from "../core/coroutine";
import { hooks } from "../core/debug";
import { DEV } from "../core/dev";
import { CANCEL, PROMOTE, RETURN_EXCEPTIONS } from "../core/features";
import { UsageError, describe } from "../core/errors";
import { DONE } from "../core/task-states";
import { promote } from "../core/create-task";
import { deviceLoop } from "../core/loop";
import type { DoneCallback, Task } from "../core/task";

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
 *
 * A hand-written coroutine (as chain.ts's): its state is a Gathering, and its
 * state machine, gathering(), one function of the bundle. Written as an
 * async function, each call made closures, and on Espruino a closure made
 * from code in RAM is a copy of its text.
 */
export function gather<const A extends readonly PromiseLike<unknown>[]>(aws: A, options?: GatherOptions & { returnExceptions?: false }): Promise<GatherResults<A>>;
export function gather<const A extends readonly PromiseLike<unknown>[]>(aws: A, options: GatherOptions): Promise<GatherResultsOrErrors<A>>;
export function gather<T = unknown>(aws: PromiseLike<T>[], options?: GatherOptions): Promise<T[]> {
  var c = new Coroutine<T[]>(gathering as (c: any, v: unknown) => Instruction) as Gather<T>;
  c._g = new Gathering<T>(aws);
  if (RETURN_EXCEPTIONS && options) c._g._returnExceptions = options.returnExceptions;
  if (DEV && hooks.coroutineCreated) hooks.coroutineCreated(c);
  return c as unknown as Promise<T[]>;
}

interface Gather<T> extends Coroutine<T[]> {
  _g: Gathering<T>;
}

/** A gather's state; also the token its task awaits and parks on, which only the gathered tasks' ends wake. */
class Gathering<T> {
  /** The tasks, in the order of the awaitables. */
  _ts: Task<T>[] = [];
  /** How many have not ended (the prototype's 0 at first). */
  declare _pending: number;
  /** The gathering task, once it parks here (no task ends before it has). */
  declare _me: Task<any>;
  /** What each task calls when it ends: taskDone(), bound to this. */
  _done: DoneCallback = taskDone.bind(this);
  /** Cancelled, it cancels the tasks still running, in a one-off step (below, where CANCEL). */
  declare _cancel: () => void;
  declare _run: () => void;

  /** Exceptions are results (returnExceptions). */
  declare _returnExceptions?: boolean;

  constructor(public _aws: PromiseLike<T>[]) {}

  _aw(task: Task<any>): boolean {
    this._me = task;
    task._park(this);
    return true;
  }
}

Gathering.prototype._pending = 0;

// Cancelled, the gathering task raises CancelledError, and the tasks still
// running are cancelled in a one-off step queued before it (the canceller may
// be one of them): no try block, whose routing would cost a bundle that has
// no other. (Where no code can cancel a task, nothing cancels the gathering one: CANCEL.)
if (CANCEL) {
  Gathering.prototype._cancel = function (this: Gathering<unknown>) {
    (DEV ? this._me._loop : deviceLoop)._soon(this as unknown as Task<any>);
  };
  Gathering.prototype._run = function (this: Gathering<unknown>) {
    var ts = this._ts, j: number; // a local: 6 B, and a lookup fewer each time it is read
    for (j = 0; j < ts.length; j++) {
      ts[j]._cancel(this._done);
      ts[j].cancel();
    }
  };
}

/** A gathered task ended: an exception ends the gather at once, else the last one does. */
function taskDone<T>(this: Gathering<T>, d: Task<T>): void {
  var f = d._error && !(RETURN_EXCEPTIONS && this._returnExceptions) ? d : 0;
  if (f || !--this._pending) this._me._wake(this, f, 0);
}

/**
 * The state machine: label 0 starts the tasks and parks on the Gathering, 1
 * resumes with the task whose exception is raised, or 0. `failed` is that
 * task: what it resumes with, which a first step has none of (a field of it cost 15 B).
 */
function gathering<T>(c: Gather<T>, failed?: Task<T> | 0): Instruction {
  var g = c._g, ts = g._ts, aws = g._aws, i: number, t: Task<T>, out: T[];
  if (!c.label) {
    if (DEV && !(aws instanceof Array)) {
      return [OP_ERROR, new UsageError("E_BAD_ARG", "gather expects an array of awaitables, got " + describe(aws))];
    }
    for (i = 0; i < aws.length; i++) {
      t = promote(aws[i]);
      ts.push(t);
      if (!PROMOTE || t._state !== DONE) { // a task made here has not ended; only promote() can give one that has
        g._pending++;
        t._onDone(g._done);
      } else if (t._error && !(RETURN_EXCEPTIONS && g._returnExceptions) && !failed) failed = t;
    }
    if (g._pending && !(PROMOTE && failed)) {
      if (!DEV) c.label = 1; // resumes at 1; on the host the driver counts it, as for TypeScript's bodies
      return [OP_AWAIT, g];
    }
  }
  // Those still running are no longer gathered: their exceptions go to the handler.
  for (i = 0; i < ts.length; i++) ts[i]._cancel(g._done);
  if (failed) {
    failed._error = 2; // retrieved: raised here (result(), without the call: a bundle may have no other)
    return [OP_ERROR, failed._value];
  }
  out = [];
  for (i = 0; i < ts.length; i++) {
    t = ts[i];
    if (t._error) t._error = 2;
    out.push(t._value as T);
  }
  return [OP_RETURN, out];
}
