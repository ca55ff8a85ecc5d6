// Puck.js (puckjs, espruino): what ristretto/board exports for it.
// Generated from boards/puckjs.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** D5: digital, pwm, adc. */
export declare const LED1: Pin & PwmPin & AdcPin;
/** D4: digital, pwm, adc. */
export declare const LED2: Pin & PwmPin & AdcPin;
/** D3: digital, pwm, adc. */
export declare const LED3: Pin & PwmPin & AdcPin;
/** D0: digital. */
export declare const BTN1: Pin;
/** digital. BTN1 (button, pulled down, reads 1 when pressed). */
export declare const D0: Pin;
/** digital, pwm. */
export declare const D1: Pin & PwmPin;
/** digital, pwm, adc. */
export declare const D2: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. LED3 (blue). */
export declare const D3: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. LED2 (green). */
export declare const D4: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. LED1 (red). */
export declare const D5: Pin & PwmPin & AdcPin;
/** digital, pwm. Capacitive sense pad (Puck.capSense); D12 drives it through 1 MOhm. */
export declare const D11: Pin & PwmPin;
/** digital, pwm. */
export declare const D23: Pin & PwmPin;
/** digital, pwm. */
export declare const D24: Pin & PwmPin;
/** digital, pwm. Puck.js v2 FET gate: the pad marked FET is shorted to GND while D26=1. */
export declare const D26: Pin & PwmPin;
/** digital, pwm, adc. Serial1 TX (console only if D29 is pulled high at boot). */
export declare const D28: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. Serial1 RX (console only if pulled high at boot). */
export declare const D29: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D30: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D31: Pin & PwmPin & AdcPin;
/** Serial port: rx D29, tx D28. The console if D28 is pulled up at startup. */
export declare const SERIAL1: Port;

/** The default receive buffer of a serial port, bytes (768 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  LED1: Pin & PwmPin & AdcPin;
  LED2: Pin & PwmPin & AdcPin;
  LED3: Pin & PwmPin & AdcPin;
  BTN1: Pin;
  D0: Pin;
  D1: Pin & PwmPin;
  D2: Pin & PwmPin & AdcPin;
  D3: Pin & PwmPin & AdcPin;
  D4: Pin & PwmPin & AdcPin;
  D5: Pin & PwmPin & AdcPin;
  D11: Pin & PwmPin;
  D23: Pin & PwmPin;
  D24: Pin & PwmPin;
  D26: Pin & PwmPin;
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
