import { UsageError } from "../core/errors";
import { currentTask } from "../core/create-task";
import type { Task } from "../core/task";
import { suspend } from "../core/awaiting";
import { WaitList } from "../core/wait-list";

/**
 * A mutual-exclusion lock. release() hands the lock straight to the
 * longest-waiting task; a waiter cancelled before it resumes passes it on, so
 * a cancelled acquire() never leaks the lock.
 */
export class Lock {
  /** 0 unlocked, 1 locked, or the Task it was handed to that has not resumed yet. */
  _state: 0 | 1 | Task<any> = 0;
  _w = new WaitList();

  /** True while a task holds the lock (not while it is being handed over). */
  locked(): boolean {
    return this._state === 1;
  }

  async acquire(): Promise<true> {
    if (this._state !== 0) {
      var me = currentTask();
      try {
        await suspend(this._w);
      } catch (e) {
        if (this._state === me) {
          this._state = 1;
          this.release();
        }
        throw e;
      }
    }
    this._state = 1;
    return true;
  }

  /** Releases the lock. Only when it is held. */
  release(): void {
    if (this._state !== 1) {
      throw new UsageError("E_LOCK_NOT_HELD", "release() of a Lock that is not locked: call it once after each acquire()");
    }
    var next = this._w._tasks[0];
    if (next) {
      this._state = next;
      this._w._wakeOne();
    } else this._state = 0;
  }
}
