import { getLoop } from "../core/loop";
import { sleepMs } from "../core/sleep";
import { createTask } from "../core/create-task";
import type { Task } from "../core/task";
import { WaitList } from "../core/wait-list";
import { hal } from "../hal/current";
import type { PinId } from "../hal/hal";
import { ThreadSafeFlag } from "../sync/thread-safe-flag";

/**
 * The debounced level changes of a pin, for every task that waits on it.
 * While anyone waits, a watch on the pin sets a ThreadSafeFlag (no polling)
 * and one task, the pump, reads the pin and wakes the waiters with the new
 * level. Debouncing is a lockout, as in Peter Hinch's Pushbutton: a change is
 * reported at once, then the pin is not read for `debounceMs`, and the level
 * it has then decides. When the last waiter leaves (or is cancelled), the
 * watch and the pump go; the level and the lockout are kept for the next.
 */
export class Levels {
  _w = new WaitList();
  /** Tasks waiting now. */
  _n = 0;
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

  /** Waits for the level to change; returns the new level (true: high). */
  async next(): Promise<boolean> {
    var f = this._f;
    if (this._n++ === 0) {
      this._id = hal.watch(this._pin, function () {
        f.set();
      });
      this._pump = createTask(this._run());
    }
    try {
      return await this._w.wait<boolean>();
    } finally {
      if (--this._n === 0) {
        hal.unwatch(this._id);
        this._pump!.cancel();
      }
    }
  }

  async _run(): Promise<void> {
    var clock = getLoop()._clock, level: boolean;
    for (;;) {
      if (this._until > clock.now()) {
        await sleepMs(this._until - clock.now());
        this._f.clear(); // the bounces; the read below decides
      }
      level = hal.read(this._pin);
      if (level !== this._level) {
        this._level = level;
        this._until = clock.now() + this._debounceMs;
        this._w.wakeAll(level);
      } else await this._f.wait();
    }
  }
}
