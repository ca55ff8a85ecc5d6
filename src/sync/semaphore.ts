import { UsageError, describe } from "../core/errors";
import { currentTask } from "../core/create-task";
import type { Task } from "../core/task";
import { suspend } from "../core/awaiting";
import { WaitList } from "../core/wait-list";
import { remove } from "../core/remove";

/**
 * A counter of permits. acquire() takes one, waiting while there are none;
 * release() gives one back, straight to the longest-waiting task if any. A
 * waiter cancelled after it was handed a permit gives it back.
 */
export class Semaphore {
  _value: number;
  _w = new WaitList();
  /** Tasks handed a permit that have not resumed yet. */
  _handed: Task<any>[] = [];

  constructor(value?: number) {
    if (value === undefined) value = 1;
    if (typeof value !== "number" || !(value >= 0) || Math.floor(value) !== value) {
      throw new UsageError("E_BAD_ARG", "a semaphore's value must be a whole number >= 0, got " + describe(value));
    }
    this._value = value;
  }

  locked(): boolean {
    return this._value === 0;
  }

  async acquire(): Promise<true> {
    if (this._value > 0) {
      this._value--;
      return true;
    }
    var me = currentTask(), handed = this._handed;
    try {
      await suspend(this._w);
    } catch (e) {
      if (handed.indexOf(me) >= 0) {
        remove(handed, me);
        this.release();
      }
      throw e;
    }
    remove(handed, me);
    return true;
  }

  release(): void {
    if (this._w._size()) {
      this._handed.push(this._w._tasks[0]);
      this._w._wakeOne(true);
    } else this._value++;
  }
}
