import { suspend } from "../core/awaiting";
import { getLoop } from "../core/loop";
import { sleepMs } from "../core/sleep";
import { createTask } from "../core/create-task";
import type { Task } from "../core/task";
import { hal } from "../hal/current";
import type { PinId } from "../hal/hal";
import { ThreadSafeFlag } from "../sync/thread-safe-flag";

/**
 * The debounced level changes of a pin, for every task that waits on it.
 * While anyone waits, a watch on the pin sets a ThreadSafeFlag (no polling)
 * and one task, the pump, reads the pin and wakes the waiters with the new
 * level. Debouncing is a lockout, as in Peter Hinch's Pushbutton: a change is
 * reported at once, then the pin is not read for `debounceMs`, and the level
 * it has then decides. When the last waiter leaves (woken, or cancelled), the
 * watch and the pump go; the level and the lockout are kept for the next.
 * The waiters park on the Levels itself, which hears of a cancel (_cancel):
 * no try block, whose routing would cost a bundle that has no other.
 */
export class Levels {
  /** The tasks waiting now. */
  _tasks: Task<any>[] = [];
  _f = new ThreadSafeFlag();
  _id: unknown = undefined;
  _pump: Task<void> | undefined = undefined;
  /** The debounced level. */
  _level: boolean;
  /** Loop time at which the lockout ends. */
  _until = 0;

  constructor(public _pin: PinId, public _debounceMs: number) {
    this._level = hal.read(_pin);
  }

  /** Waits for the level to change; gives the new level (true: high). */
  next(): PromiseLike<boolean> {
    return suspend<boolean>(this);
  }

  /** Awaited (awaiting.ts): parks the task; the first waiter starts the watch and the pump. */
  _wait(task: Task<any>): boolean {
    var f = this._f;
    if (!this._tasks.length) {
      this._id = hal.watch(this._pin, function () {
        f.set();
      });
      this._pump = createTask(this._run());
    }
    this._tasks.push(task);
    task._park(this);
    return true;
  }

  /** A waiting task was cancelled: the last one out stops the watch and the pump. */
  _cancel(task: Task<any>): void {
    var ts = this._tasks, i = ts.indexOf(task);
    if (i >= 0) ts.splice(i, 1);
    if (!ts.length) {
      hal.unwatch(this._id);
      this._pump!.cancel();
    }
  }

  /** The pump: reports each debounced change to the waiters, and ends with the watch when none is left. */
  async _run(): Promise<void> {
    var clock = getLoop()._clock, level: boolean, ts: Task<any>[], i: number;
    for (;;) {
      if (this._until > clock.now()) {
        await sleepMs(this._until - clock.now());
        this._f.clear(); // the bounces; the read below decides
      }
      level = hal.read(this._pin);
      if (level !== this._level) {
        this._level = level;
        this._until = clock.now() + this._debounceMs;
        ts = this._tasks;
        this._tasks = [];
        for (i = 0; i < ts.length; i++) ts[i]._wake(this, level, 0);
        hal.unwatch(this._id); // every waiter left; one that waits again starts a new watch and pump
        return;
      }
      await this._f.wait();
    }
  }
}
