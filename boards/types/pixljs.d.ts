// Pixl.js (pixljs, espruino): what ristretto/board exports for it.
// Generated from boards/pixljs.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** H0: digital, pwm. */
export declare const LED1: Pin & PwmPin;
/** H1: digital. */
export declare const BTN1: Pin;
/** H2: digital. */
export declare const BTN2: Pin;
/** H3: digital. */
export declare const BTN3: Pin;
/** H4: digital. */
export declare const BTN4: Pin;
/** digital, pwm, adc. */
export declare const A0: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A1: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A2: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const A3: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. Also the header pin marked SDA. */
export declare const A4: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. Also the header pin marked SCL. */
export declare const A5: Pin & PwmPin & AdcPin;
/** digital, pwm. Serial1 RX (console only if pulled high at boot). */
export declare const D0: Pin & PwmPin;
/** digital, pwm. Serial1 TX (console only if D0 is pulled high at boot). */
export declare const D1: Pin & PwmPin;
/** digital, pwm. */
export declare const D2: Pin & PwmPin;
/** digital, pwm, adc. */
export declare const D3: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D4: Pin & PwmPin & AdcPin;
/** digital, pwm. */
export declare const D5: Pin & PwmPin;
/** digital, pwm. */
export declare const D6: Pin & PwmPin;
/** digital, pwm. */
export declare const D7: Pin & PwmPin;
/** digital, pwm. */
export declare const D8: Pin & PwmPin;
/** digital, pwm. */
export declare const D9: Pin & PwmPin;
/** digital, pwm. */
export declare const D10: Pin & PwmPin;
/** digital, pwm. */
export declare const D11: Pin & PwmPin;
/** digital, pwm. */
export declare const D12: Pin & PwmPin;
/** digital, pwm. */
export declare const D13: Pin & PwmPin;
/** digital, pwm. LED1: the LCD backlight (negated in software: 1 = on). */
export declare const H0: Pin & PwmPin;
/** digital. BTN1 (negated in software: reads 1 when pressed). */
export declare const H1: Pin;
/** digital. BTN2 (negated in software: reads 1 when pressed). */
export declare const H2: Pin;
/** digital. BTN3 (negated in software: reads 1 when pressed). */
export declare const H3: Pin;
/** digital. BTN4 (negated in software: reads 1 when pressed). */
export declare const H4: Pin;
/** Serial port: rx D0, tx D1. The console when Bluetooth is disconnected. */
export declare const SERIAL1: Port;

/** The default receive buffer of a serial port, bytes (832 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  LED1: Pin & PwmPin;
  BTN1: Pin;
  BTN2: Pin;
  BTN3: Pin;
  BTN4: Pin;
  A0: Pin & PwmPin & AdcPin;
  A1: Pin & PwmPin & AdcPin;
  A2: Pin & PwmPin & AdcPin;
  A3: Pin & PwmPin & AdcPin;
  A4: Pin & PwmPin & AdcPin;
  A5: Pin & PwmPin & AdcPin;
  D0: Pin & PwmPin;
  D1: Pin & PwmPin;
  D2: Pin & PwmPin;
  D3: Pin & PwmPin & AdcPin;
  D4: Pin & PwmPin & AdcPin;
  D5: Pin & PwmPin;
  D6: Pin & PwmPin;
  D7: Pin & PwmPin;
  D8: Pin & PwmPin;
  D9: Pin & PwmPin;
  D10: Pin & PwmPin;
  D11: Pin & PwmPin;
  D12: Pin & PwmPin;
  D13: Pin & PwmPin;
  H0: Pin & PwmPin;
  H1: Pin;
  H2: Pin;
  H3: Pin;
  H4: Pin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
