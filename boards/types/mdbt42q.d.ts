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
