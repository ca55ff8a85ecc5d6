import { mode as halMode, write as halWrite } from "../hal/current";
import type { PinId } from "../hal/hal";
import type { Pin } from "./pin";

/** A digital output: an LED, a relay, an enable line. */
export class Output {
  /** What was last written (the constructor writes it first): 1 high, 0 low. A number, as Espruino keeps one in a variable where a boolean takes two. */
  declare _on: number;

  // The constructor and toggle() write the pin themselves rather than through
  // write(): a program that only toggles (a blink) then keeps no write(),
  // a method less on the device (unused-methods.ts).
  constructor(public _pin: PinId, initial: number) {
    halMode(_pin, "output");
    halWrite(_pin, (this._on = initial));
  }

  write(on: boolean): void {
    halWrite(this._pin, (this._on = on ? 1 : 0));
  }

  on(): void {
    this.write(true);
  }

  off(): void {
    this.write(false);
  }

  toggle(): void {
    halWrite(this._pin, (this._on ^= 1));
  }

  /** What was last written. */
  value(): boolean {
    return this._on === 1;
  }
}

/** Drives `pin` as a digital output, initially low (off) unless `initial`. */
export function output(pin: Pin, initial?: boolean): Output {
  return new Output(pin, initial ? 1 : 0);
}
