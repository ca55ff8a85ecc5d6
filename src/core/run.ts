// run() and the exception handler: the entry points of the loop.

import { isFresh } from "./coroutine";
import { DEV } from "./dev";
import { MAIN_COROUTINE } from "./features";
import { UsageError, describe } from "./errors";
import { deviceLoop, getLoop } from "./loop";
import type { ExceptionHandler } from "./loop";
import { createTask, promote } from "./create-task";
import type { Task } from "./task";

/**
 * Starts the loop with `main` (a coroutine, or an async function to call) as
 * its main task and returns that task. It runs until every ready task has
 * waited, then leaves the loop to the runtime's timers: on a device the
 * program keeps running after run() returns. Not from inside a task.
 */
export function run<T>(main: PromiseLike<T> | (() => PromiseLike<T>)): Task<T> {
  if (DEV && getLoop()._running) {
    throw new UsageError("E_NESTED_RUN", "run() was called from inside a task: use createTask() to start more work");
  }
  var task = createMainTask(main);
  (DEV ? getLoop() : deviceLoop)._run();
  return task;
}

/** The task run() makes for `main`, not yet run. For host tooling too. */
export function createMainTask<T>(main: PromiseLike<T> | (() => PromiseLike<T>)): Task<T> {
  // Where no run() is given a coroutine (MAIN_COROUTINE off), the device build has called main where run() is called.
  var coro: any = !MAIN_COROUTINE || typeof main !== "function" ? main : main();
  return DEV && isFresh(coro) ? createTask<T>(coro, "main") : promote<T>(coro); // a device task has no name
}

/**
 * Sets what is called with { message, exception, task } when a task ends with
 * an exception that nothing awaited; `undefined` restores the default, which
 * prints it. Exceptions never vanish: they reach an awaiter or the handler.
 */
export function setExceptionHandler(handler: ExceptionHandler | undefined): void {
  if (DEV && handler !== undefined && typeof handler !== "function") {
    throw new UsageError("E_BAD_HANDLER", "setExceptionHandler expects a function or undefined, got " + describe(handler));
  }
  (DEV ? getLoop() : deviceLoop)._handler = handler;
}
