// Raspberry Pi Pico W (Kaluma) (pico-w, kaluma): what ristretto/board exports for it.
// Generated from boards/pico-w.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** digital, pwm. */
export declare const GP0: Pin & PwmPin;
/** digital, pwm. */
export declare const GP1: Pin & PwmPin;
/** digital, pwm. */
export declare const GP2: Pin & PwmPin;
/** digital, pwm. */
export declare const GP3: Pin & PwmPin;
/** digital, pwm. */
export declare const GP4: Pin & PwmPin;
/** digital, pwm. */
export declare const GP5: Pin & PwmPin;
/** digital, pwm. */
export declare const GP6: Pin & PwmPin;
/** digital, pwm. */
export declare const GP7: Pin & PwmPin;
/** digital, pwm. */
export declare const GP8: Pin & PwmPin;
/** digital, pwm. */
export declare const GP9: Pin & PwmPin;
/** digital, pwm. */
export declare const GP10: Pin & PwmPin;
/** digital, pwm. */
export declare const GP11: Pin & PwmPin;
/** digital, pwm. */
export declare const GP12: Pin & PwmPin;
/** digital, pwm. */
export declare const GP13: Pin & PwmPin;
/** digital, pwm. */
export declare const GP14: Pin & PwmPin;
/** digital, pwm. */
export declare const GP15: Pin & PwmPin;
/** digital, pwm. */
export declare const GP16: Pin & PwmPin;
/** digital, pwm. */
export declare const GP17: Pin & PwmPin;
/** digital, pwm. */
export declare const GP18: Pin & PwmPin;
/** digital, pwm. */
export declare const GP19: Pin & PwmPin;
/** digital, pwm. */
export declare const GP20: Pin & PwmPin;
/** digital, pwm. */
export declare const GP21: Pin & PwmPin;
/** digital, pwm. Sampled at boot with the internal pull-up: held to GND at reset, Kaluma skips loading the saved program (safe boot). Free to use afterwards.. */
export declare const GP22: Pin & PwmPin;
/** digital, pwm, adc. */
export declare const GP26: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const GP27: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const GP28: Pin & PwmPin & AdcPin;
/** Serial port: rx GP1, tx GP0. */
export declare const UART0: Port;
/** Serial port: rx GP9, tx GP8. */
export declare const UART1: Port;

/** The default receive buffer of a serial port, bytes (1024 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  GP0: Pin & PwmPin;
  GP1: Pin & PwmPin;
  GP2: Pin & PwmPin;
  GP3: Pin & PwmPin;
  GP4: Pin & PwmPin;
  GP5: Pin & PwmPin;
  GP6: Pin & PwmPin;
  GP7: Pin & PwmPin;
  GP8: Pin & PwmPin;
  GP9: Pin & PwmPin;
  GP10: Pin & PwmPin;
  GP11: Pin & PwmPin;
  GP12: Pin & PwmPin;
  GP13: Pin & PwmPin;
  GP14: Pin & PwmPin;
  GP15: Pin & PwmPin;
  GP16: Pin & PwmPin;
  GP17: Pin & PwmPin;
  GP18: Pin & PwmPin;
  GP19: Pin & PwmPin;
  GP20: Pin & PwmPin;
  GP21: Pin & PwmPin;
  GP22: Pin & PwmPin;
  GP26: Pin & PwmPin & AdcPin;
  GP27: Pin & PwmPin & AdcPin;
  GP28: Pin & PwmPin & AdcPin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
