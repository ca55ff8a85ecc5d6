// What primitives hand out to await: their owner (an Event, the WaitList of a
// lock or a queue, a task group), whose _aw parks the task or gives the
// outcome. Owners keep no per-waiter object. On a device an owner is its own
// awaitable; on the host suspend() wraps it, and awaiting the owner itself is
// refused (E_NOT_AWAITABLE), as the API offers `await event.wait()`, never
// `await event`. A class of such wrappers in every bundle cost the talk 74 B.

import { awaitableThen } from "./create-task";
import { DEV } from "./dev";
import { THEN } from "./features";
import type { Task } from "./task";

export interface Owner {
  /** Parks `task` and returns true, or leaves the outcome in task._value and returns false. On the host, moved to _wait (owner()). */
  _aw(task: Task<any>): boolean;
  _wait?(task: Task<any>): boolean;
  /** Takes a cancelled task off whatever list holds it. */
  _cancel?(task: Task<any>): void;
}

/**
 * Makes `cls` an owner: on the host its _aw becomes its _wait, which only
 * what suspend() gives calls; on a device it stays, and the owner is
 * awaitable itself, with then() where THEN (`event.wait().then(...)`).
 */
export function owner(cls: { prototype: Owner }): void {
  var p = cls.prototype;
  if (DEV) {
    p._wait = p._aw;
    delete (p as Partial<Owner>)._aw;
  } else if (THEN) (p as Owner & PromiseLike<unknown>).then = awaitableThen;
}

/**
 * Parks the current task on `o` (of a class given to owner()) until something calls
 * `task._wake(o, value, 0)`, or it is cancelled (then o._cancel, if any, is
 * told). For building primitives.
 */
export function suspend<T = unknown>(o: Owner): PromiseLike<T> {
  return (DEV ? { _aw: (t: Task<any>) => o._wait!(t), then: awaitableThen } : o) as unknown as PromiseLike<T>;
}
