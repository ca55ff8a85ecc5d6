// The shape of a board profile, boards/<id>.json. boards/schema.json is
// generated from this file (npm run boards:schema); a test fails when it is
// stale. Host only: the device sees a board only as the pins the build
// resolves "ristretto/board" to.

/** What a board's firmware runs on; it chooses the HAL adapter. */
export type Runtime = "espruino" | "kaluma" | "sim";

/** What a pin can do: digital in/out, PWM output, analog input. */
export type Capability = "digital" | "pwm" | "adc";

export interface PinProfile {
  /** What the runtime's pin functions take, when it is not the pin's name: Kaluma's GPIO number. */
  id?: number;
  /**
   * @minItems 1
   * @uniqueItems true
   */
  caps: Capability[];
  /** Wired on the board to something that is not a free pin (a sensor, flash, the radio...). */
  note?: string;
}

export interface ButtonProfile {
  /** The pin the button is wired to: a key of `pins`. */
  pin: string;
  /** The pull resistor the button needs: "down" when a press reads high. */
  pull: "up" | "down" | "none";
  /** A press reads low. */
  activeLow: boolean;
}

/** A serial port (UART) firmware may open with uart(), and its default pins. */
export interface UartProfile {
  /** Espruino: the runtime's object for it ("Serial1"). */
  device?: string;
  /** Kaluma: the port number its UART class takes (0, 1). */
  port?: number;
  /** The default receive pin (a key of `pins`); none on a port that only transmits. */
  rx?: string;
  /** The default transmit pin (a key of `pins`). */
  tx?: string;
  /** Wired on the board to something (the console, a radio module). */
  note?: string;
}

export interface BoardProfile {
  /** "./schema.json": editors check the profile as it is typed. */
  $schema?: string;
  /**
   * The board id, as the build and the command line take it; the file's name.
   * @pattern ^[a-z0-9]+(-[a-z0-9]+)*$
   */
  id: string;
  /** The board's name for people: "Puck.js". */
  name: string;
  runtime: Runtime;
  /** The microcontroller: "nRF52832". */
  chip: string;
  /** Where these facts come from: the runtime's own board definition. */
  source: string;
  /** Every pin the firmware may use, by the runtime's name for it ("D5", "A0", "GP25"). */
  pins: { [name: string]: PinProfile };
  /** LED names (LED1, LED2, ...) and the pin each is on, in order. */
  leds: { [name: string]: string };
  /** Button names (BTN1, ...) and how each is wired. */
  buttons: { [name: string]: ButtonProfile };
  /**
   * Serial ports by the name firmware imports them under from ristretto/board
   * (SERIAL1 on Espruino, as its Serial1; UART0 on Kaluma, as its UART port 0).
   */
  uarts: { [name: string]: UartProfile };
  /** How the host talks to the board's console: flashing and the monitor use it. */
  serial: {
    /** "usb" (a CDC serial port), "serial" (a USB-serial bridge on the board), "ble" (Bluetooth LE, Nordic UART). */
    connection: "usb" | "serial" | "ble";
    /** Baud rate of a serial port; 0 for BLE. */
    baud: number;
  };
  memory: {
    /** Espruino's JsVars: each variable, object, property or 12-16 bytes of code costs one. */
    variables?: number;
    /** RAM of the chip, bytes. */
    ramBytes: number;
  };
  flash: {
    /** Flash for saved code (Espruino's Storage, Kaluma's user flash), bytes. */
    codeBytes: number;
  };
}
