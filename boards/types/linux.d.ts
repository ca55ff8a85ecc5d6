// Espruino for Linux (linux, espruino): what ristretto/board exports for it.
// Generated from boards/linux.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** digital. Fake GPIO: digitalWrite is accepted, digitalRead gives 0; no PWM or ADC (analogWrite: "Analog is not supported on this device"). */
export declare const D0: Pin;
/** digital. */
export declare const D1: Pin;
/** digital. */
export declare const D2: Pin;
/** digital. */
export declare const D3: Pin;
/** digital. */
export declare const D4: Pin;
/** digital. */
export declare const D5: Pin;
/** digital. */
export declare const D6: Pin;
/** digital. */
export declare const D7: Pin;
/** digital. */
export declare const D8: Pin;
/** digital. */
export declare const D9: Pin;
/** digital. */
export declare const D10: Pin;
/** digital. */
export declare const D11: Pin;
/** digital. */
export declare const D12: Pin;
/** digital. */
export declare const D13: Pin;
/** digital. */
export declare const D14: Pin;
/** digital. */
export declare const D15: Pin;
/** digital. */
export declare const D16: Pin;
/** digital. */
export declare const D17: Pin;
/** digital. */
export declare const D18: Pin;
/** digital. */
export declare const D19: Pin;
/** digital. */
export declare const D20: Pin;
/** digital. */
export declare const D21: Pin;
/** digital. */
export declare const D22: Pin;
/** digital. */
export declare const D23: Pin;
/** digital. */
export declare const D24: Pin;
/** digital. */
export declare const D25: Pin;
/** digital. */
export declare const D26: Pin;
/** digital. */
export declare const D27: Pin;
/** digital. */
export declare const D28: Pin;
/** digital. */
export declare const D29: Pin;
/** digital. */
export declare const D30: Pin;
/** digital. */
export declare const D31: Pin;
/** digital. */
export declare const D32: Pin;

/** The default receive buffer of a serial port, bytes (1024 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  D0: Pin;
  D1: Pin;
  D2: Pin;
  D3: Pin;
  D4: Pin;
  D5: Pin;
  D6: Pin;
  D7: Pin;
  D8: Pin;
  D9: Pin;
  D10: Pin;
  D11: Pin;
  D12: Pin;
  D13: Pin;
  D14: Pin;
  D15: Pin;
  D16: Pin;
  D17: Pin;
  D18: Pin;
  D19: Pin;
  D20: Pin;
  D21: Pin;
  D22: Pin;
  D23: Pin;
  D24: Pin;
  D25: Pin;
  D26: Pin;
  D27: Pin;
  D28: Pin;
  D29: Pin;
  D30: Pin;
  D31: Pin;
  D32: Pin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
