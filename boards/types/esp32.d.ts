// ESP32 (esp32, espruino): what ristretto/board exports for it.
// Generated from boards/esp32.json by `npm run generate`. Do not edit.

import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";

/** D2: digital, pwm. */
export declare const LED1: Pin & PwmPin;
/** D0: digital, pwm. */
export declare const BTN1: Pin & PwmPin;
/** digital, pwm. BTN1 (BOOT button, strapping pin); negated in software: reads 1 when pressed. */
export declare const D0: Pin & PwmPin;
/** digital, pwm. Serial1 TX (UART0): the console. */
export declare const D1: Pin & PwmPin;
/** digital, pwm. LED1; strapping pin. */
export declare const D2: Pin & PwmPin;
/** digital, pwm. Serial1 RX (UART0): the console. */
export declare const D3: Pin & PwmPin;
/** digital, pwm. */
export declare const D4: Pin & PwmPin;
/** digital, pwm. Strapping pin. */
export declare const D5: Pin & PwmPin;
/** digital, pwm. Strapping pin (flash voltage): keep low at boot. */
export declare const D12: Pin & PwmPin;
/** digital, pwm. */
export declare const D13: Pin & PwmPin;
/** digital, pwm. */
export declare const D14: Pin & PwmPin;
/** digital, pwm. Strapping pin. */
export declare const D15: Pin & PwmPin;
/** digital, pwm. Used by PSRAM on WROVER modules. */
export declare const D16: Pin & PwmPin;
/** digital, pwm. Used by PSRAM on WROVER modules. */
export declare const D17: Pin & PwmPin;
/** digital, pwm. */
export declare const D18: Pin & PwmPin;
/** digital, pwm. */
export declare const D19: Pin & PwmPin;
/** digital, pwm. */
export declare const D21: Pin & PwmPin;
/** digital, pwm. */
export declare const D22: Pin & PwmPin;
/** digital, pwm. */
export declare const D23: Pin & PwmPin;
/** digital. DAC1: Espruino's analogWrite drives the DAC here, not PWM. */
export declare const D25: Pin;
/** digital. DAC2: Espruino's analogWrite drives the DAC here, not PWM. */
export declare const D26: Pin;
/** digital, pwm. */
export declare const D27: Pin & PwmPin;
/** digital, pwm, adc. */
export declare const D32: Pin & PwmPin & AdcPin;
/** digital, pwm, adc. */
export declare const D33: Pin & PwmPin & AdcPin;
/** digital, adc. Input only. */
export declare const D34: Pin & AdcPin;
/** digital, adc. Input only. */
export declare const D35: Pin & AdcPin;
/** digital, adc. Input only (SENSOR_VP). */
export declare const D36: Pin & AdcPin;
/** digital, adc. Input only (SENSOR_VN). */
export declare const D39: Pin & AdcPin;
/** Serial port: rx D3, tx D1. The console (USB bridge). */
export declare const SERIAL1: Port;
/** Serial port: rx D5, tx D4. */
export declare const SERIAL2: Port;
/** Serial port: rx D16, tx D17. */
export declare const SERIAL3: Port;

/** The default receive buffer of a serial port, bytes (1024 here): from the board's RAM budget. */
export declare const UART_BUFFER_BYTES: number;
/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */
export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;

/** Every pin name of this board, with its type: what optional() looks up. */
interface Names {
  LED1: Pin & PwmPin;
  BTN1: Pin & PwmPin;
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
  D17: Pin & PwmPin;
  D18: Pin & PwmPin;
  D19: Pin & PwmPin;
  D21: Pin & PwmPin;
  D22: Pin & PwmPin;
  D23: Pin & PwmPin;
  D25: Pin;
  D26: Pin;
  D27: Pin & PwmPin;
  D32: Pin & PwmPin & AdcPin;
  D33: Pin & PwmPin & AdcPin;
  D34: Pin & AdcPin;
  D35: Pin & AdcPin;
  D36: Pin & AdcPin;
  D39: Pin & AdcPin;
}
/**
 * The pin `name` where the board has it, else undefined: `optional("LED3") ?? LED1` names a pin
 * that some boards lack, with a fallback. The build folds each call to the pin or undefined.
 */
export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;
