import { suspend } from "../core/awaiting";
import { createTask, currentTask } from "../core/create-task";
import type { Task } from "../core/task";
import { callAt, clearTimer } from "../core/timer";
import type { Timer } from "../core/timer";
import { hal } from "../hal/current";
import type { PinId } from "../hal/hal";
import { buttonWiring } from "ristretto/board";
import { Levels } from "./levels";
import { pinMode } from "./input";
import type { Pull } from "./input";
import type { Pin } from "./pin";

export interface ButtonOptions {
  /** Bounces within this time of a change are ignored (default 50). */
  debounceMs?: number;
  /** Held this long, it is a long press (default 1000). */
  longPressMs?: number;
  /** A second press this soon after the first is a double click (default 400). */
  doubleClickMs?: number;
  /** Default: the board's wiring for its buttons, else "up". */
  pull?: Pull;
  /** A press reads low. Default: the board's wiring, else true when pulled up. */
  activeLow?: boolean;
}

/**
 * A push button with the semantics of Peter Hinch's Pushbutton (micropython-
 * async): debounced presses and releases, a long press that fires while the
 * button is still held, and a double click timed from the first press to the
 * second. The pin is watched only while someone waits (levels.ts).
 */
export class Button {
  _levels: Levels;

  constructor(
    public _pin: PinId,
    public _low: boolean,
    debounceMs: number,
    public _longMs: number,
    public _doubleMs: number,
  ) {
    this._levels = new Levels(_pin, debounceMs);
  }

  /** Whether it is held down now. */
  isPressed(): boolean {
    return hal.read(this._pin) !== this._low;
  }

  /** Waits until the button is pressed (true) or released (false). */
  async _until(down: boolean): Promise<void> {
    while (((await this._levels.next()) !== this._low) !== down) {}
  }

  /** Waits for the next press. */
  pressed(): Promise<void> {
    return this._until(true);
  }

  /** Waits for the next release. */
  released(): Promise<void> {
    return this._until(false);
  }

  /** Waits for a press held longPressMs; returns while it is still held. */
  async longPress(): Promise<void> {
    do await this._until(true);
    while (!(await this._timedOut(this._until.bind(this, false), this._longMs)));
  }

  /** Waits for two presses, the second within doubleClickMs of the first. */
  async doubleClick(): Promise<void> {
    var self = this;
    do await this._until(true);
    while (
      await this._timedOut(async function () {
        await self._until(false);
        await self._until(true);
      }, this._doubleMs)
    );
  }

  /**
   * Whether `fn()` did not finish within `ms` (it is cancelled then). It runs
   * as a task of its own, which the caller waits for on a token: the timer
   * wakes the caller in the step it fires, so a task woken by a timer set later
   * for the same millisecond runs after it. Cancelling the caller cancels the
   * work too. No try block, whose routing would cost a bundle that has no other.
   */
  _timedOut(fn: () => PromiseLike<void>, ms: number): PromiseLike<boolean> {
    var me = currentTask(), loop = me._loop, work = createTask(fn()), timer: Timer;
    var stop = function () {
      clearTimer(loop, timer);
      work._cancel(done);
      work.cancel();
    };
    var token = { _cancel: stop }; // the caller was cancelled
    var done = function (t: Task<void>) {
      clearTimer(loop, timer);
      me._wake(token, t._error ? t._value : false, t._error ? 1 : 0); // its exception, if any, is the caller's
    };
    timer = callAt(loop, loop._clock.now() + ms, function () {
      stop();
      me._wake(token, true, 0);
    });
    work._onDone(done);
    return suspend<boolean>(token);
  }
}

export function button(pin: Pin, options?: ButtonOptions): Button {
  var o = options || {}, wired = buttonWiring(pin);
  var pull = o.pull || (wired ? wired[0] : "up");
  hal.mode(pin, pinMode(pull));
  return new Button(
    pin,
    o.activeLow !== undefined ? o.activeLow : wired ? !!wired[1] : pull === "up",
    o.debounceMs !== undefined ? o.debounceMs : 50,
    o.longPressMs || 1000,
    o.doubleClickMs || 400,
  );
}
