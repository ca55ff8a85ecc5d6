import { adc as halAdc, mode as halMode } from "../hal/current";
import type { PinId } from "../hal/hal";
import type { AdcPin } from "./pin";

/** An analog input. */
export class Adc {
  constructor(public _pin: PinId) {}

  /** The voltage now, as a fraction of the reference (0..1). */
  read(): number {
    return halAdc(this._pin);
  }
}

export function adc(pin: AdcPin): Adc {
  halMode(pin, "analog");
  return new Adc(pin);
}
