// Espruino Original (espruino-original, espruino): what ristretto/board exports for it.
// Generated from boards/espruino-original.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** A13: digital. */
export declare const LED1: Pin;
/** A14: digital. */
export declare const LED2: Pin;
/** A15: digital. */
export declare const LED3: Pin;
/** B12: digital. */
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
/** digital, adc. */
export declare const A5: Pin & AdcPin;
/** digital, pwm, adc. */
export declare const A6: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A7: Pin & PwmPin & AdcPin;
/** digital, pwm. */
export declare const A8: Pin & PwmPin;
/** digital, pwm. Serial1 TX (console when USB is not connected); also the Bluetooth module pads. */
export declare const A9: Pin & PwmPin;
/** digital, pwm. Serial1 RX (console when USB is not connected); also the Bluetooth module pads. */
export declare const A10: Pin & PwmPin;
/** digital. LED1 (red). */
export declare const A13: Pin;
/** digital. LED2 (green). */
export declare const A14: Pin;
/** digital. LED3 (blue). */
export declare const A15: Pin;
/** digital, pwm, adc. */
export declare const B0: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const B1: Pin & PwmPin & AdcPin;
/** digital. BOOT1. */
export declare const B2: Pin;
/** digital, pwm. */
export declare const B3: Pin & PwmPin;
/** digital, pwm. Its timer overlaps A6, A7, B0, B1: avoid for PWM when those are used. */
export declare const B4: Pin & PwmPin;
/** digital, pwm. Its timer overlaps A6, A7, B0, B1: avoid for PWM when those are used. */
export declare const B5: Pin & PwmPin;
/** digital, pwm. */
export declare const B6: Pin & PwmPin;
/** digital, pwm. */
export declare const B7: Pin & PwmPin;
/** digital, pwm. */
export declare const B8: Pin & PwmPin;
/** digital, pwm. */
export declare const B9: Pin & PwmPin;
/** digital, pwm. */
export declare const B10: Pin & PwmPin;
/** digital, pwm. */
export declare const B11: Pin & PwmPin;
/** digital. BTN1 (reads 1 when pressed). */
export declare const B12: Pin;
/** digital, pwm. SD card SCK. */
export declare const B13: Pin & PwmPin;
/** digital, pwm. SD card MISO. */
export declare const B14: Pin & PwmPin;
/** digital, pwm. SD card MOSI. */
export declare const B15: Pin & PwmPin;
/** digital, adc. */
export declare const C0: Pin & AdcPin;
/** digital, adc. */
export declare const C1: Pin & AdcPin;
/** digital, adc. */
export declare const C2: Pin & AdcPin;
/** digital, adc. */
export declare const C3: Pin & AdcPin;
/** digital, adc. */
export declare const C4: Pin & AdcPin;
/** digital, adc. */
export declare const C5: Pin & AdcPin;
/** digital, pwm. */
export declare const C6: Pin & PwmPin;
/** digital, pwm. */
export declare const C7: Pin & PwmPin;
/** digital, pwm. */
export declare const C8: Pin & PwmPin;
/** digital, pwm. */
export declare const C9: Pin & PwmPin;
/** digital. */
export declare const C10: Pin;
/** digital. */
export declare const C11: Pin;
/** digital. */
export declare const C12: Pin;
/** digital. 32kHz RTC crystal (OSC_RTC); not on a header. */
export declare const C14: Pin;
/** digital. 32kHz RTC crystal (OSC_RTC). */
export declare const C15: Pin;
/** digital. SD card CS (not on a header). */
export declare const D2: Pin;
/** Serial port: rx A10, tx A9. The console when USB is disconnected. */
export declare const SERIAL1: Port;
/** Serial port: rx A3, tx A2. */
export declare const SERIAL2: Port;
/** Serial port: rx B11, tx B10. */
export declare const SERIAL3: Port;
/** Serial port: rx C11, tx C10. */
export declare const SERIAL4: Port;
/** Serial port: rx D2, tx C12. */
export declare const SERIAL5: Port;

/** The default receive buffer of a serial port, bytes (768 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  LED1: Pin;
  LED2: Pin;
  LED3: Pin;
  BTN1: Pin;
  A0: Pin & PwmPin & AdcPin;
  A1: Pin & PwmPin & AdcPin;
  A2: Pin & PwmPin & AdcPin;
  A3: Pin & PwmPin & AdcPin;
  A4: Pin & AdcPin;
  A5: Pin & AdcPin;
  A6: Pin & PwmPin & AdcPin;
  A7: Pin & PwmPin & AdcPin;
  A8: Pin & PwmPin;
  A9: Pin & PwmPin;
  A10: Pin & PwmPin;
  A13: Pin;
  A14: Pin;
  A15: Pin;
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
  B11: Pin & PwmPin;
  B12: Pin;
  B13: Pin & PwmPin;
  B14: Pin & PwmPin;
  B15: Pin & PwmPin;
  C0: Pin & AdcPin;
  C1: Pin & AdcPin;
  C2: Pin & AdcPin;
  C3: Pin & AdcPin;
  C4: Pin & AdcPin;
  C5: Pin & AdcPin;
  C6: Pin & PwmPin;
  C7: Pin & PwmPin;
  C8: Pin & PwmPin;
  C9: Pin & PwmPin;
  C10: Pin;
  C11: Pin;
  C12: Pin;
  C14: Pin;
  C15: Pin;
  D2: Pin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
