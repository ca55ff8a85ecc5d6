// MDBT42Q breakout (mdbt42q, espruino): what ristretto/board exports for it.
// Generated from boards/mdbt42q.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** D1: digital, pwm. */
export declare const LED1: Pin & PwmPin;
/** D2: digital, pwm, adc. */
export declare const LED2: Pin & PwmPin & AdcPin;
/** D0: digital. */
export declare const BTN1: Pin;
/** digital. BTN1 (button, pulled down, reads 1 when pressed). */
export declare const D0: Pin;
/** digital, pwm. LED1. */
export declare const D1: Pin & PwmPin;
/** digital, pwm, adc. LED2. */
export declare const D2: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D3: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D4: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D5: Pin & PwmPin & AdcPin;
/** digital, pwm. Serial1 TX (console only if D8 is pulled high at boot). */
export declare const D6: Pin & PwmPin;
/** digital, pwm. */
export declare const D7: Pin & PwmPin;
/** digital, pwm. Serial1 RX (console only if pulled high at boot). */
export declare const D8: Pin & PwmPin;
/** digital, pwm. */
export declare const D11: Pin & PwmPin;
/** digital, pwm. */
export declare const D14: Pin & PwmPin;
/** digital, pwm. */
export declare const D15: Pin & PwmPin;
/** digital, pwm. */
export declare const D16: Pin & PwmPin;
/** digital, pwm. */
export declare const D17: Pin & PwmPin;
/** digital, pwm. */
export declare const D18: Pin & PwmPin;
/** digital, pwm. */
export declare const D19: Pin & PwmPin;
/** digital, pwm. */
export declare const D20: Pin & PwmPin;
/** digital, pwm. */
export declare const D22: Pin & PwmPin;
/** digital, pwm. */
export declare const D25: Pin & PwmPin;
/** digital, pwm. */
export declare const D26: Pin & PwmPin;
/** digital, pwm. */
export declare const D27: Pin & PwmPin;
/** digital, pwm, adc. */
export declare const D28: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D29: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D30: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D31: Pin & PwmPin & AdcPin;
/** Serial port: rx D8, tx D6. The console when Bluetooth is disconnected. */
export declare const SERIAL1: Port;

/** The default receive buffer of a serial port, bytes (832 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  LED1: Pin & PwmPin;
  LED2: Pin & PwmPin & AdcPin;
  BTN1: Pin;
  D0: Pin;
  D1: Pin & PwmPin;
  D2: Pin & PwmPin & AdcPin;
  D3: Pin & PwmPin & AdcPin;
  D4: Pin & PwmPin & AdcPin;
  D5: Pin & PwmPin & AdcPin;
  D6: Pin & PwmPin;
  D7: Pin & PwmPin;
  D8: Pin & PwmPin;
  D11: Pin & PwmPin;
  D14: Pin & PwmPin;
  D15: Pin & PwmPin;
  D16: Pin & PwmPin;
  D17: Pin & PwmPin;
  D18: Pin & PwmPin;
  D19: Pin & PwmPin;
  D20: Pin & PwmPin;
  D22: Pin & PwmPin;
  D25: Pin & PwmPin;
  D26: Pin & PwmPin;
  D27: Pin & PwmPin;
  D28: Pin & PwmPin & AdcPin;
  D29: Pin & PwmPin & AdcPin;
  D30: Pin & PwmPin & AdcPin;
  D31: Pin & PwmPin & AdcPin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
