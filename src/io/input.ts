import { mode as halMode, read as halRead } from "../hal/current";
import type { PinId } from "../hal/hal";
import { Levels } from "./levels";
import type { Pin } from "./pin";

export type Pull = "up" | "down" | "none";

export interface InputOptions {
  /** The pull resistor: "up", "down" or "none" (default). */
  pull?: Pull;
  /** Changes closer together than this are one change (default 0). */
  debounceMs?: number;
}

export function pinMode(pull: Pull | undefined) {
  return pull === "up" ? "input_pullup" : pull === "down" ? "input_pulldown" : "input";
}

/** A digital input. Its waits are woken by a watch on the pin, never by polling. */
export class Input {
  _levels: Levels;

  constructor(public _pin: PinId, debounceMs: number) {
    this._levels = new Levels(_pin, debounceMs);
  }

  /** The level now (true: high). */
  value(): boolean {
    return halRead(this._pin);
  }

  /** Waits for the level to change; returns the new level. */
  changed(): PromiseLike<boolean> {
    return this._levels._next();
  }

  /** Waits until the level is `high` (at once if it is). */
  async until(high: boolean): Promise<void> {
    while (this.value() !== high) await this._levels._next();
  }
}

export function input(pin: Pin, options?: InputOptions): Input {
  var o = options || {};
  halMode(pin, pinMode(o.pull));
  return new Input(pin, o.debounceMs || 0);
}
