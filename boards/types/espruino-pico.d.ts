// Espruino Pico (espruino-pico, espruino): what ristretto/board exports for it.
// Generated from boards/espruino-pico.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** B2: digital. */
export declare const LED1: Pin;
/** B12: digital. */
export declare const LED2: Pin;
/** C13: digital. */
export declare const BTN1: Pin;
/** digital, pwm, adc. */
export declare const A0: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A1: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A2: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A3: Pin & PwmPin & AdcPin;
/** digital, adc. */
export declare const A4: Pin & AdcPin;
/** digital, pwm, adc. */
export declare const A5: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A6: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A7: Pin & PwmPin & AdcPin;
/** digital, pwm. */
export declare const A8: Pin & PwmPin;
/** digital. USB 5V sense (VBUS, wired straight to USB 5V): read only, never drive it. */
export declare const A9: Pin;
/** digital, pwm. */
export declare const A10: Pin & PwmPin;
/** digital. SWD (SWDIO): gold pad on the underside. */
export declare const A13: Pin;
/** digital. SWD (SWCLK): gold pad on the underside. */
export declare const A14: Pin;
/** digital, pwm. Gold pad on the underside. */
export declare const A15: Pin & PwmPin;
/** digital, pwm, adc. Drives the FET when the FET/B0 jumper is shorted. */
export declare const B0: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const B1: Pin & PwmPin & AdcPin;
/** digital. LED1 (red). */
export declare const B2: Pin;
/** digital, pwm. */
export declare const B3: Pin & PwmPin;
/** digital, pwm. */
export declare const B4: Pin & PwmPin;
/** digital, pwm. */
export declare const B5: Pin & PwmPin;
/** digital, pwm. Serial1 TX: console when USB is disconnected. */
export declare const B6: Pin & PwmPin;
/** digital, pwm. Serial1 RX: console when USB is disconnected. */
export declare const B7: Pin & PwmPin;
/** digital, pwm. */
export declare const B8: Pin & PwmPin;
/** digital, pwm. */
export declare const B9: Pin & PwmPin;
/** digital, pwm. */
export declare const B10: Pin & PwmPin;
/** digital. LED2 (green). */
export declare const B12: Pin;
/** digital, pwm. */
export declare const B13: Pin & PwmPin;
/** digital, pwm. */
export declare const B14: Pin & PwmPin;
/** digital, pwm. */
export declare const B15: Pin & PwmPin;
/** digital. BTN1 (reads 1 when pressed). */
export declare const C13: Pin;
/** digital. Pads for the optional 32kHz crystal. */
export declare const C14: Pin;
/** digital. Pads for the optional 32kHz crystal. */
export declare const C15: Pin;
/** Serial port: rx B7, tx B6. The console when USB is disconnected. */
export declare const SERIAL1: Port;
/** Serial port: rx A3, tx A2. */
export declare const SERIAL2: Port;

/** The default receive buffer of a serial port, bytes (1024 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  LED1: Pin;
  LED2: Pin;
  BTN1: Pin;
  A0: Pin & PwmPin & AdcPin;
  A1: Pin & PwmPin & AdcPin;
  A2: Pin & PwmPin & AdcPin;
  A3: Pin & PwmPin & AdcPin;
  A4: Pin & AdcPin;
  A5: Pin & PwmPin & AdcPin;
  A6: Pin & PwmPin & AdcPin;
  A7: Pin & PwmPin & AdcPin;
  A8: Pin & PwmPin;
  A9: Pin;
  A10: Pin & PwmPin;
  A13: Pin;
  A14: Pin;
  A15: Pin & PwmPin;
  B0: Pin & PwmPin & AdcPin;
  B1: Pin & PwmPin & AdcPin;
  B2: Pin;
  B3: Pin & PwmPin;
  B4: Pin & PwmPin;
  B5: Pin & PwmPin;
  B6: Pin & PwmPin;
  B7: Pin & PwmPin;
  B8: Pin & PwmPin;
  B9: Pin & PwmPin;
  B10: Pin & PwmPin;
  B12: Pin;
  B13: Pin & PwmPin;
  B14: Pin & PwmPin;
  B15: Pin & PwmPin;
  C13: Pin;
  C14: Pin;
  C15: Pin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
