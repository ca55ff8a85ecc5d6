// Serial ports on Kaluma's UART class (require("uart"), Kaluma 1.2.1's
// src/modules/uart/uart.js): new UART(port, { baudrate, rx, tx }), a
// Uint8Array per "data" event, write() of a Uint8Array (a string is sent as
// ASCII only), close(). Device code.

import type { PinId } from "./hal";
import type { UartHal } from "./uart";

declare function require(module: string): { UART: new (port: unknown, options: { baudrate: number; rx?: PinId; tx?: PinId }) => KalumaUart };

interface KalumaUart {
  on(event: string, fn: (data: Uint8Array) => void): void;
  write(data: Uint8Array): void;
  close(): void;
}

export var uartHal: UartHal = {
  open: function (device: unknown, baud: number, rx: PinId | null, tx: PinId | null, onData: (bytes: string) => void) {
    var o: { baudrate: number; rx?: PinId; tx?: PinId } = { baudrate: baud };
    if (rx !== null) o.rx = rx;
    if (tx !== null) o.tx = tx;
    var u = new (require("uart").UART)(device, o);
    u.on("data", function (data: Uint8Array) {
      var s = "", i: number;
      for (i = 0; i < data.length; i++) s += String.fromCharCode(data[i]);
      onData(s);
    });
    return u;
  },
  write: function (handle: unknown, bytes: string) {
    var a = new Uint8Array(bytes.length), i: number;
    for (i = 0; i < bytes.length; i++) a[i] = bytes.charCodeAt(i) & 255;
    (handle as KalumaUart).write(a);
  },
  close: function (handle: unknown) {
    (handle as KalumaUart).close();
  },
};
