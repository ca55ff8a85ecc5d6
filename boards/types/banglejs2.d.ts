// Bangle.js 2 (banglejs2, espruino): what ristretto/board exports for it.
// Generated from boards/banglejs2.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** D17: digital. */
export declare const BTN1: Pin;
/** digital. BTN1 (negated in software: reads 1 when pressed). */
export declare const D17: Pin;
/** digital, pwm. Vibration motor (VIBRATE; Bangle.buzz also drives it). */
export declare const D19: Pin & PwmPin;

/** The default receive buffer of a serial port, bytes (1024 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  BTN1: Pin;
  D17: Pin;
  D19: Pin & PwmPin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
