import { owner, suspend } from "../core/awaiting";
import { remove } from "../core/remove";
import type { Task } from "../core/task";

/**
 * A flag tasks can wait for. set() wakes every waiter, in the order they came,
 * and the flag stays set until clear(). set() may be called from any context;
 * from interrupt callbacks prefer ThreadSafeFlag. Its waiters park on the
 * event itself: a WaitList of its own cost the talk 69 B.
 */
export class Event {
  /** Set: true; clear: false, or undefined until first set. */
  declare _set?: boolean;
  _tasks: Task<any>[] = [];

  isSet(): boolean {
    return !!this._set;
  }

  set(): void {
    var ts = this._tasks, i: number;
    this._set = true;
    this._tasks = [];
    for (i = 0; i < ts.length; i++) ts[i]._wake(this, true, 0);
  }

  clear(): void {
    this._set = false;
  }

  /** Waits until the event is set; gives true. */
  wait(): PromiseLike<true> {
    return suspend<true>(this);
  }

  _aw(task: Task<any>): boolean {
    if (this._set) {
      task._value = true;
      return false;
    }
    this._tasks.push(task); // as a WaitList parks it
    task._park(this);
    return true;
  }

  _cancel(task: Task<any>): void {
    remove(this._tasks, task);
  }
}
owner(Event);
