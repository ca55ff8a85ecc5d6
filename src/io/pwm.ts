import { pwm as halPwm } from "../hal/current";
import type { PinId } from "../hal/hal";
import type { PwmPin } from "./pin";

/** A PWM output: LED brightness, a motor's speed. */
export class Pwm {
  _duty = 0;

  constructor(public _pin: PinId, public _freq: number) {}

  /** Sets the duty cycle, from 0 (off) to 1 (always on); clamped to that range. */
  set(duty: number): void {
    this._duty = duty < 0 ? 0 : duty > 1 ? 1 : duty;
    halPwm(this._pin, this._duty, this._freq);
  }

  value(): number {
    return this._duty;
  }
}

/** Drives `pin` with hardware PWM at `freq` Hz (default 1000), starting at duty 0. */
export function pwm(pin: PwmPin, options?: { freq?: number }): Pwm {
  var p = new Pwm(pin, (options && options.freq) || 1000);
  p.set(0);
  return p;
}
