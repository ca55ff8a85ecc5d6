import { DEV } from "../core/dev";
import { awaitableThen } from "../core/create-task";
import { THEN } from "../core/features";
import { callAt, clearTimer } from "../core/timer";
import type { Timer } from "../core/timer";
import { deviceLoop, loopNow } from "../core/loop";
import type { Loop } from "../core/loop";
import type { Task, Waitable } from "../core/task";
import { read as halRead, unwatch as halUnwatch, watch as halWatch } from "../hal/current";
import type { PinId } from "../hal/hal";

/**
 * The debounced level changes of a pin, for every task that waits on it.
 * While anyone waits, a watch on the pin has the pin read at each edge, and
 * a change wakes the waiters with the new level: no polling, and no task of
 * its own. The read is a one-off step of the loop (the Levels itself, _run),
 * behind what is ready already, as when the flag of an interrupt is looked
 * at. Debouncing is a lockout, as in Peter Hinch's Pushbutton: a change is
 * reported at once, then the pin is not read for `debounceMs` (edges are
 * ignored), and the level it has then decides. When the last waiter leaves
 * (woken, timed out or cancelled), the watch goes; the level and the lockout
 * are kept for the next. A waiter may give a deadline (_next(ms)): it then
 * resumes with undefined if the level has not changed by then. The waiters
 * park on the Levels itself, which hears of a cancel (_cancel): no try
 * block, whose routing would cost a bundle that has no other.
 */
export class Levels implements Waitable {
  /** The tasks waiting now, and the deadline's timer of each (undefined: none). */
  _tasks: Task<any>[] = [];
  _deadlines: (Timer | undefined)[] = [];
  /** The deadline the await that follows _next() gives its task: _next() and that await are one step. */
  declare _ms?: number;
  /** Its waiters' loop, on the host (a device has one, deviceLoop). */
  declare _loop: Loop;
  /** The watch's id, while anyone waits. Neither field is set until used: a Levels costs two variables fewer, and an edge reads `_lock` a little slower. */
  declare _id: unknown;
  /** The lockout, while it lasts: the timer at whose end the pin is read again. */
  declare _lock?: Timer;
  /** The debounced level. */
  _level: boolean;

  constructor(public _pin: PinId, public _debounceMs: number) {
    this._level = halRead(_pin);
  }

  /** Waits for the level to change; gives the new level (true: high), or undefined after `ms` without a change. */
  _next(): PromiseLike<boolean>;
  _next(ms: number): PromiseLike<boolean | undefined>;
  _next(ms?: number): PromiseLike<boolean | undefined> {
    this._ms = ms;
    return this as unknown as PromiseLike<boolean | undefined>;
  }

  /** Awaited: parks the task; the first waiter starts the watch, and has the pin read unless in the lockout. */
  _aw(task: Task<any>): boolean {
    var self = this, loop = DEV ? task._loop : deviceLoop, ms = this._ms;
    if (DEV) this._loop = loop;
    this._tasks.push(task);
    this._deadlines.push(
      ms === undefined
        ? undefined
        : callAt(loop, loopNow(loop) + ms, function () {
            self._cancel(task);
            task._wake(self, undefined, 0);
          }),
    );
    task._park(this);
    if (this._tasks.length === 1) {
      this._id = halWatch(this._pin, function () {
        if (!self._lock) loop._soon(self as any);
      });
      if (!this._lock) loop._soon(this as any);
    }
    return true;
  }

  /** A waiting task leaves (cancelled, or its deadline passed): the last one out stops the watch. */
  _cancel(task: Task<any>): void {
    var i = this._tasks.indexOf(task), d = this._deadlines[i]; // undefined when i is -1
    if (i < 0) return;
    if (d) clearTimer(DEV ? this._loop : deviceLoop, d);
    this._tasks.splice(i, 1);
    this._deadlines.splice(i, 1);
    if (!this._tasks.length) halUnwatch(this._id);
  }

  /** The loop's one-off step: reads the pin; a change wakes every waiter with the new level and starts the lockout. */
  _run(): void {
    var self = this, loop = DEV ? this._loop : deviceLoop, ts = this._tasks, ds = this._deadlines, level: boolean, i: number;
    if (this._lock || !ts.length || (level = halRead(this._pin)) === this._level) return;
    this._level = level;
    if (this._debounceMs) {
      this._lock = callAt(loop, loopNow(loop) + this._debounceMs, function () {
        self._lock = undefined;
        loop._soon(self as any); // the level after the bounces decides
      });
    }
    this._tasks = [];
    this._deadlines = [];
    halUnwatch(this._id); // every waiter leaves; one that waits again starts a new watch
    for (i = 0; i < ts.length; i++) {
      if (ds[i]) clearTimer(loop, ds[i]!);
      ts[i]._wake(this, level, 0);
    }
  }
}
if (THEN) (Levels.prototype as any).then = awaitableThen;
