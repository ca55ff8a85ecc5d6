// ESP8266 (esp8266, espruino): what ristretto/board exports for it.
// Generated from boards/esp8266.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** adc. ADC only (1.0V full scale on a bare module). */
export declare const A0: AdcPin;
/** digital, pwm. GPIO0 strapping pin (boot mode): keep high at boot. */
export declare const D0: Pin & PwmPin;
/** digital, pwm. Serial1 TX (UART0): the console. */
export declare const D1: Pin & PwmPin;
/** digital, pwm. Strapping pin: keep high at boot; Serial2 TX (UART1, debug log). */
export declare const D2: Pin & PwmPin;
/** digital, pwm. Serial1 RX (UART0): the console. */
export declare const D3: Pin & PwmPin;
/** digital, pwm. */
export declare const D4: Pin & PwmPin;
/** digital, pwm. */
export declare const D5: Pin & PwmPin;
/** digital, pwm. */
export declare const D12: Pin & PwmPin;
/** digital, pwm. */
export declare const D13: Pin & PwmPin;
/** digital, pwm. */
export declare const D14: Pin & PwmPin;
/** digital, pwm. Strapping pin: keep low at boot. */
export declare const D15: Pin & PwmPin;
/** digital, pwm. RTC GPIO: no setWatch; wire to RST for deep-sleep wake. */
export declare const D16: Pin & PwmPin;
/** Serial port: rx D3, tx D1. The console (USB bridge). */
export declare const SERIAL1: Port;
/** Serial port: rx none, tx D2. Transmit only. */
export declare const SERIAL2: Port;

/** The default receive buffer of a serial port, bytes (448 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  A0: AdcPin;
  D0: Pin & PwmPin;
  D1: Pin & PwmPin;
  D2: Pin & PwmPin;
  D3: Pin & PwmPin;
  D4: Pin & PwmPin;
  D5: Pin & PwmPin;
  D12: Pin & PwmPin;
  D13: Pin & PwmPin;
  D14: Pin & PwmPin;
  D15: Pin & PwmPin;
  D16: Pin & PwmPin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
