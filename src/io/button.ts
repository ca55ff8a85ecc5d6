import { loopNow } from "../core/loop";
import { mode as halMode, read as halRead } from "../hal/current";
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
    return halRead(this._pin) !== this._low;
  }

  /** Waits until the button is pressed (true) or released (false). */
  async _until(down: boolean): Promise<void> {
    while (((await this._levels._next()) !== this._low) !== down) {}
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
    while ((await this._levels._next(this._longMs)) !== undefined); // released within longPressMs
  }

  /** Waits for two presses, the second within doubleClickMs of the first. */
  async doubleClick(): Promise<void> {
    var end: number;
    for (;;) {
      await this._until(true);
      end = loopNow() + this._doubleMs;
      // its release, then the second press, each before the end (undefined: it came too late)
      if ((await this._levels._next(end - loopNow())) !== undefined && (await this._levels._next(end - loopNow())) !== undefined) return;
    }
  }
}

export function button(pin: Pin, options?: ButtonOptions): Button {
  // `o && o.x`, not an empty object for `options || {}`: where a call gives none, the device build folds each default.
  var o = options, wired = buttonWiring(pin);
  var pull = (o && o.pull) || (wired ? wired[0] : "up");
  halMode(pin, pinMode(pull));
  return new Button(
    pin,
    o && o.activeLow !== undefined ? o.activeLow : wired ? !!wired[1] : pull === "up",
    o && o.debounceMs !== undefined ? o.debounceMs : 50,
    (o && o.longPressMs) || 1000,
    (o && o.doubleClickMs) || 400,
  );
}
