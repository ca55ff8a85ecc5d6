import { UsageError } from "../core/errors";
import { WaitList } from "../core/wait-list";

/**
 * A flag set from interrupt callbacks (setWatch, serial data) and waited for
 * by one task. Sets that come before the waiter runs count as one, and the
 * flag is cleared when wait() returns.
 */
export class ThreadSafeFlag {
  _flag = false;
  _w = new WaitList();

  /** Sets the flag and wakes the waiter. Safe from interrupt callbacks. */
  set(): void {
    this._flag = true;
    this._w.wakeOne();
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
}
