import { DEV } from "../core/dev";
import { UsageError } from "../core/errors";
import { deviceLoop } from "../core/loop";
import type { Task, Waitable } from "../core/task";

/**
 * A flag set from interrupt callbacks (setWatch, serial data) and waited for
 * by one task. As in uasyncio, set() only raises the flag; the loop wakes the
 * waiter when it next looks (this flag is a one-off step in its ready queue,
 * behind the tasks already queued). Sets that come
 * before the waiter runs count as one; wait() clears the flag as it returns.
 * The flag holds its one waiter itself: awaiting the flag parks the task on
 * it (_aw), and a cancel takes the task off (_cancel).
 */
export class ThreadSafeFlag implements Waitable {
  _flag = false;
  declare _waiter?: Task<any>;

  /** Raises the flag. Safe from interrupt callbacks. */
  set(): void {
    this._flag = true;
    if (this._waiter) (DEV ? this._waiter._loop : deviceLoop)._soon(this as any);
  }

  clear(): void {
    this._flag = false;
  }

  async wait(): Promise<void> {
    if (!this._flag) {
      if (this._waiter) {
        // Kept on the device too: a second waiter would take the first one's place, which would then wait forever.
        throw new UsageError("E_FLAG_BUSY", "a task is already waiting on this ThreadSafeFlag: one waiter at a time (use Event for several)");
      }
      await (this as Waitable as unknown as PromiseLike<void>);
    }
    this._flag = false;
  }

  /** Awaited by wait(): parks the task here until _run(). */
  _aw(task: Task<any>): boolean {
    this._waiter = task;
    task._park(this);
    return true;
  }

  _cancel(): void {
    this._waiter = undefined;
  }

  /** The loop's one-off step: wakes the waiter if the flag is still set. */
  _run(): void {
    var w = this._waiter;
    if (this._flag && w) {
      this._waiter = undefined;
      w._wake(this, undefined, 0);
    }
  }
}
