// A FIFO of parked tasks: what Lock, Semaphore and Queue wait on (an Event is
// its own, as it wakes them all). A task parks at its end by awaiting
// suspend(list) (awaiting.ts); cancelling a waiting task takes it off the list.

import type { Task } from "./task";
import { remove } from "./remove";
import { owner } from "./awaiting";

export class WaitList {
  _tasks: Task<any>[] = [];

  _size(): number {
    return this._tasks.length;
  }

  /** Wakes the longest-waiting task with `v`; false if none waits. Any context. */
  _wakeOne(v?: unknown): boolean {
    var t = this._tasks.shift();
    if (t) t._wake(this, v, 0);
    return !!t;
  }

  _aw(task: Task<any>): boolean {
    this._tasks.push(task);
    task._park(this);
    return true;
  }

  _cancel(task: Task<any>): void {
    remove(this._tasks, task);
  }
}
owner(WaitList);
