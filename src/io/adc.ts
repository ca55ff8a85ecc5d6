import { hal } from "../hal/current";
import type { PinId } from "../hal/hal";
import type { AdcPin } from "./pin";

/** An analog input. */
export class Adc {
  constructor(public _pin: PinId) {}

  /** The voltage now, as a fraction of the reference (0..1). */
  read(): number {
    return hal.adc(this._pin);
  }
}

export function adc(pin: AdcPin): Adc {
  hal.mode(pin, "analog");
  return new Adc(pin);
}
