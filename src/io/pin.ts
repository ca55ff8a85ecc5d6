// Pin types. ristretto/board exports each pin of the chosen board typed with
// what it can do (`Pin & PwmPin & AdcPin`), so that the editor and tsc reject
// pwm() on a pin without PWM, and a pin the board lacks is an unknown name.
// The brands exist only in types: at run time a pin is the runtime's own id.

import type { PinId } from "../hal/hal";

/** A digital pin of the board: in and out. */
export type Pin = PinId & { readonly __digital: true };
/** A pin with hardware PWM. */
export type PwmPin = PinId & { readonly __pwm: true };
/** A pin with an analog input. */
export type AdcPin = PinId & { readonly __adc: true };
/**
 * A serial port of the board (SERIAL1, UART0): what the runtime takes for it
 * and its default receive and transmit pins (null: none).
 */
export type Port = [unknown, PinId | null, PinId | null] & { readonly __port: true };
