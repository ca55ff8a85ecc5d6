// The awaitable that primitives hand out: awaiting it asks its owner whether
// to park the task (Event.wait(); suspend(), which a lock or a queue gives its
// WaitList). Owners keep no per-waiter object; this one is dropped as soon as
// it is awaited.

import { awaitableThen } from "./create-task";
import { THEN } from "./features";
import type { Task } from "./task";

export interface Owner {
  /** Parks `task` and returns true, or leaves the outcome in task._value and returns false. */
  _wait?(task: Task<any>): boolean;
  /** Takes a cancelled task off whatever list holds it. */
  _cancel?(task: Task<any>): void;
}

export class Awaiting<T> implements PromiseLike<T> {
  constructor(public _owner: Owner) {}
  declare then: PromiseLike<T>["then"];

  _aw(task: Task<any>): boolean {
    var o = this._owner;
    if (o._wait) return o._wait(task);
    task._park(o);
    return true;
  }
}
if (THEN) Awaiting.prototype.then = awaitableThen;

/**
 * Parks the current task on `owner` until something calls
 * `task._wake(owner, value, 0)`, or it is cancelled (then owner._cancel, if
 * any, is told). For building primitives.
 */
export function suspend<T = unknown>(owner: object): Awaiting<T> {
  return new Awaiting<T>(owner as Owner);
}
