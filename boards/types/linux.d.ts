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
