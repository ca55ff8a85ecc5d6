import { Awaiting } from "../core/awaiting";
import type { Task } from "../core/task";
import { WaitList } from "../core/wait-list";

/**
 * A flag tasks can wait for. set() wakes every waiter, in the order they came,
 * and the flag stays set until clear(). set() may be called from any context;
 * from interrupt callbacks prefer ThreadSafeFlag.
 */
export class Event {
  /** Set: true; clear: false, or undefined until first set. */
  declare _set?: boolean;
  _w = new WaitList();

  isSet(): boolean {
    return !!this._set;
  }

  set(): void {
    this._set = true;
    this._w._wakeAll(true);
  }

  clear(): void {
    this._set = false;
  }

  /** Waits until the event is set; gives true. */
  wait(): PromiseLike<true> {
    return new Awaiting<true>(this);
  }

  _wait(task: Task<any>): boolean {
    if (!this._set) return this._w._wait(task);
    task._value = true;
    return false;
  }
}
