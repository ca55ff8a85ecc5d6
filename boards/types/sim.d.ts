// Simulated board (sim, sim): what ristretto/board exports for it.
// Generated from boards/sim.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** D8: digital, pwm. */
export declare const LED1: Pin & PwmPin;
/** D9: digital, pwm. */
export declare const LED2: Pin & PwmPin;
/** D10: digital, pwm. */
export declare const LED3: Pin & PwmPin;
/** D11: digital. */
export declare const LED4: Pin;
/** D14: digital. */
export declare const BTN1: Pin;
/** D15: digital. */
export declare const BTN2: Pin;
/** digital, adc. */
export declare const D0: Pin & AdcPin;
/** digital, adc. */
export declare const D1: Pin & AdcPin;
/** digital, adc. */
export declare const D2: Pin & AdcPin;
/** digital, adc. */
export declare const D3: Pin & AdcPin;
/** digital, pwm. */
export declare const D4: Pin & PwmPin;
/** digital, pwm. */
export declare const D5: Pin & PwmPin;
/** digital, pwm. */
export declare const D6: Pin & PwmPin;
/** digital, pwm. */
export declare const D7: Pin & PwmPin;
/** digital, pwm. LED1. */
export declare const D8: Pin & PwmPin;
/** digital, pwm. LED2. */
export declare const D9: Pin & PwmPin;
/** digital, pwm. LED3. */
export declare const D10: Pin & PwmPin;
/** digital. */
export declare const D11: Pin;
/** digital. */
export declare const D12: Pin;
/** digital. */
export declare const D13: Pin;
/** digital. BTN1. */
export declare const D14: Pin;
/** digital. BTN2. */
export declare const D15: Pin;
/** Serial port: rx D13, tx D12. */
export declare const SERIAL1: Port;

/** The default receive buffer of a serial port, bytes (1024 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  LED1: Pin & PwmPin;
  LED2: Pin & PwmPin;
  LED3: Pin & PwmPin;
  LED4: Pin;
  BTN1: Pin;
  BTN2: Pin;
  D0: Pin & AdcPin;
  D1: Pin & AdcPin;
  D2: Pin & AdcPin;
  D3: Pin & AdcPin;
  D4: Pin & PwmPin;
  D5: Pin & PwmPin;
  D6: Pin & PwmPin;
  D7: Pin & PwmPin;
  D8: Pin & PwmPin;
  D9: Pin & PwmPin;
  D10: Pin & PwmPin;
  D11: Pin;
  D12: Pin;
  D13: Pin;
  D14: Pin;
  D15: Pin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
