// Making tasks: createTask(), then() of every awaitable (a task that awaits
// it), promote() of any awaitable to a task, and currentTask().

import { chain } from "./chain";
import { Coroutine } from "./coroutine";
import { DEV } from "./dev";
import { AWAIT_TASK, AWAITS, PROMOTE } from "./features";
import { UsageError, describe } from "./errors";
import { deviceLoop, getLoop } from "./loop";
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
  return createTask(chain(this, onFulfilled, onRejected) as PromiseLike<A | B>);
}

export function awaitableCatch<T, B = never>(this: PromiseLike<T>, onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Task<T | B> {
  return this.then(undefined, onRejected) as Task<T | B>;
}

/**
 * Wraps a coroutine in a task that starts at the scheduler's next step.
 * Where it may be called from: anywhere, including interrupt callbacks.
 */
export function createTask<T>(coro: PromiseLike<T>, name?: string): Task<T> {
  var c = coro as Coroutine<T>, t: Task<T>;
  if (DEV && !(c instanceof Coroutine)) {
    throw new UsageError("E_NOT_COROUTINE", "createTask expects a coroutine (what calling an async function returns), got " + describe(coro));
  }
  if (DEV && c.label !== -1) {
    throw new UsageError("E_REUSED_COROUTINE", "createTask was given a coroutine that was already awaited or given to a task");
  }
  t = new Task<T>(c, DEV ? getLoop() : deviceLoop, DEV && name === undefined ? c._name : name);
  (DEV ? getLoop() : deviceLoop)._soon(t); // queued to start at the loop's next step
  return t;
}

/** The task that is running now. Only from inside a task. */
export function currentTask(): Task<any> {
  var t = (DEV ? getLoop() : deviceLoop)._current;
  if (DEV && !t) {
    throw new UsageError("E_NO_TASK", "currentTask() was called outside a task: call it from code that run() or createTask() started");
  }
  return t!;
}

/**
 * Turns any awaitable into a task: a task as it is, a coroutine as a new task,
 * anything else awaitable in a small task that awaits it.
 */
export function promote<T>(aw: PromiseLike<T> | Task<T>): Task<T> {
  var fresh: boolean;
  // Without PROMOTE it is given only fresh coroutines: run()'s, an async function's, and those made in the calls of gather, shield and waitFor (features.ts).
  // A task as it is; not where tasks are awaited nowhere though awaiting is kept (AWAIT_TASK off, AWAITS on: no code can hold a task to give here).
  if (PROMOTE && (AWAIT_TASK || !AWAITS) && aw instanceof Task) return aw;
  // A program that awaits nothing has only its own coroutines to give. (isFresh(aw) written out: terser would copy aw to a local.)
  fresh = !PROMOTE || !AWAITS || (aw instanceof Coroutine && aw.label === -1);
  if (DEV && !fresh && (aw == null || (typeof (aw as any)._aw !== "function" && typeof aw.then !== "function"))) {
    throw new UsageError("E_NOT_AWAITABLE", "expected an awaitable (a coroutine, a Task or a thenable), got " + describe(aw));
  }
  return createTask<T>(fresh ? aw : (chain(aw) as PromiseLike<T>));
}
