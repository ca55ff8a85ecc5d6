// Serial ports on Espruino's Serial objects (espruino.com/Reference#Serial):
// setup(baud, { rx, tx }), on("data", fn) with a string per chunk, write(),
// and unsetup() where the firmware has it (2v00 on). Device code.

import type { PinId } from "./hal";
import type { UartHal } from "./uart";

interface EspruinoSerial {
  setup(baud: number, options: { rx?: PinId; tx?: PinId }): void;
  on(event: string, fn: (data: string) => void): void;
  removeAllListeners(event: string): void;
  write(data: string): void;
  unsetup?: () => void;
}

export var uartHal: UartHal = {
  open: function (device: unknown, baud: number, rx: PinId | null, tx: PinId | null, onData: (bytes: string) => void) {
    var o: { rx?: PinId; tx?: PinId } = {};
    if (rx !== null) o.rx = rx;
    if (tx !== null) o.tx = tx;
    (device as EspruinoSerial).setup(baud, o);
    (device as EspruinoSerial).on("data", onData);
    return device;
  },
  write: function (handle: unknown, bytes: string) {
    (handle as EspruinoSerial).write(bytes);
  },
  close: function (handle: unknown) {
    var s = handle as EspruinoSerial;
    s.removeAllListeners("data");
    if (s.unsetup) s.unsetup();
  },
};
