// Making tasks: createTask(), then() of every awaitable (a task that awaits
// it), promote() of any awaitable to a task, and currentTask().

import { chain } from "./chain";
import { Coroutine, isFresh } from "./coroutine";
import { DEV } from "./dev";
import { AWAIT_TASK, AWAITS } from "./features";
import { UsageError, describe } from "./errors";
import { getLoop } from "./loop";
import { Task } from "./task";

/**
 * then() of every ristretto awaitable, for Promise-minded code: a task that
 * awaits it (so a coroutine starts running) and passes the outcome on.
 */
export function awaitableThen<T, A = T, B = never>(
  this: PromiseLike<T>,
  onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
  onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
): Task<A | B> {
  return spawn(chain(this, onFulfilled, onRejected));
}

export function awaitableCatch<T, B = never>(this: PromiseLike<T>, onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Task<T | B> {
  return this.then(undefined, onRejected) as Task<T | B>;
}

/** A task for `co`, queued to start at the next step of the current loop. */
function spawn<T>(co: Coroutine, name?: string): Task<T> {
  var loop = getLoop(), t = new Task<T>(co, loop, name);
  loop._soon(t);
  return t;
}

/**
 * Wraps a coroutine in a task that starts at the scheduler's next step.
 * Where it may be called from: anywhere, including interrupt callbacks.
 */
export function createTask<T>(coro: PromiseLike<T>, name?: string): Task<T> {
  var c = coro as Coroutine<T>;
  if (DEV && !(c instanceof Coroutine)) {
    throw new UsageError("E_NOT_COROUTINE", "createTask expects a coroutine (what calling an async function returns), got " + describe(coro));
  }
  if (DEV && c.label !== -1) {
    throw new UsageError("E_REUSED_COROUTINE", "createTask was given a coroutine that was already awaited or given to a task");
  }
  return spawn<T>(c, DEV && name === undefined ? c._name : name);
}

/** The task that is running now. Only from inside a task. */
export function currentTask(): Task<any> {
  var t = getLoop()._current;
  if (DEV && !t) {
    throw new UsageError("E_NO_TASK", "currentTask() was called outside a task: call it from code that run() or createTask() started");
  }
  return t!;
}

/**
 * Turns any awaitable into a task: a task as it is, a coroutine as a new task,
 * anything else awaitable in a small task that awaits it.
 */
export function promote<T>(aw: PromiseLike<T>): Task<T> {
  var a = aw as any, fresh: boolean;
  // A task as it is; not where tasks are awaited nowhere though awaiting is kept (AWAIT_TASK off, AWAITS on: no code can hold a task to give here).
  if ((AWAIT_TASK || !AWAITS) && a instanceof Task) return a;
  fresh = !AWAITS || isFresh(a); // a program that awaits nothing has only its own coroutines to give
  if (DEV && fresh) return createTask(aw);
  if (DEV && (a == null || (typeof a._aw !== "function" && typeof a.then !== "function"))) {
    throw new UsageError("E_NOT_AWAITABLE", "expected an awaitable (a coroutine, a Task or a thenable), got " + describe(aw));
  }
  return spawn<T>(fresh ? a : chain(aw)); // (on a device, createTask(a) is spawn(a))
}
