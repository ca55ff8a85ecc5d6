import { UsageError } from "../core/errors";
import { WaitList } from "../core/wait-list";

/**
 * A flag set from interrupt callbacks (setWatch, serial data) and waited for
 * by one task. As in uasyncio, set() only raises the flag; the loop wakes the
 * waiter when it next looks (this flag is a one-off step in its ready queue,
 * behind the tasks already queued). Sets that come
 * before the waiter runs count as one; wait() clears the flag as it returns.
 */
export class ThreadSafeFlag {
  _flag = false;
  _w = new WaitList();

  /** Raises the flag. Safe from interrupt callbacks. */
  set(): void {
    var waiter = this._w._tasks[0];
    this._flag = true;
    if (waiter) waiter._loop._soon(this as any);
  }

  clear(): void {
    this._flag = false;
  }

  async wait(): Promise<void> {
    if (!this._flag) {
      if (this._w.size()) {
        throw new UsageError("E_FLAG_BUSY", "a task is already waiting on this ThreadSafeFlag: one waiter at a time (use Event for several)");
      }
      await this._w.wait();
    }
    this._flag = false;
  }

  /** The loop's one-off step: wakes the waiter if the flag is still set. */
  _run(): void {
    if (this._flag) this._w.wakeOne();
  }
}
