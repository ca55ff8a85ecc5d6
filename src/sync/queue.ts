import { UsageError, describe, errorToString } from "../core/errors";
import { suspend } from "../core/awaiting";
import { WaitList } from "../core/wait-list";

/** Raised by getNowait() on an empty Queue. */
export class QueueEmpty {
  declare name: string;
  message = "the queue is empty";
  declare toString: () => string;
}
QueueEmpty.prototype.name = "QueueEmpty";
QueueEmpty.prototype.toString = errorToString;

/** Raised by putNowait() on a full Queue. */
export class QueueFull {
  declare name: string;
  message = "the queue is full";
  declare toString: () => string;
}
QueueFull.prototype.name = "QueueFull";
QueueFull.prototype.toString = errorToString;

/**
 * A FIFO between tasks, bounded by maxsize (0: unbounded). An item is taken
 * only by the task that returns it, so a cancelled get() never loses one.
 */
export class Queue<T = unknown> {
  _items: T[] = [];
  _getters = new WaitList();
  _putters = new WaitList();

  constructor(public maxsize: number = 0) {
    if (typeof maxsize !== "number" || !(maxsize >= 0) || Math.floor(maxsize) !== maxsize) {
      throw new UsageError("E_BAD_ARG", "a Queue's maxsize must be a whole number >= 0 (0: unbounded), got " + describe(maxsize));
    }
  }

  qsize(): number {
    return this._items.length;
  }

  empty(): boolean {
    return !this._items.length;
  }

  full(): boolean {
    return this.maxsize > 0 && this._items.length >= this.maxsize;
  }

  async put(item: T): Promise<void> {
    while (this.full()) {
      try {
        await suspend(this._putters);
      } catch (e) {
        if (!this.full()) this._putters._wakeOne(); // pass on a wake this task will not use
        throw e;
      }
    }
    this.putNowait(item);
  }

  async get(): Promise<T> {
    while (!this._items.length) {
      try {
        await suspend(this._getters);
      } catch (e) {
        if (this._items.length) this._getters._wakeOne();
        throw e;
      }
    }
    return this.getNowait();
  }

  putNowait(item: T): void {
    if (this.full()) throw new QueueFull();
    this._items.push(item);
    this._getters._wakeOne();
  }

  getNowait(): T {
    if (!this._items.length) throw new QueueEmpty();
    var item = this._items.shift()!;
    this._putters._wakeOne();
    return item;
  }
}
