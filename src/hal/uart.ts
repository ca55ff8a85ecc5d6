// What ristretto/io's uart() asks of a runtime's serial ports. One adapter per
// runtime (espruino-uart.ts, kaluma-uart.ts, sim-uart.ts); the build picks it
// by the board profile's runtime (uart-current.ts), as it does the pin HAL.
// Data is a binary string: one character per byte (0..255), as Espruino's
// Serial gives and takes it. Device code.

import type { PinId } from "./hal";

export interface UartHal {
  /**
   * Opens the port (`device`: what ristretto/board's port gives) at `baud`
   * on pins `rx` and `tx` (null: none). `onData` is called from the
   * runtime's event queue with each chunk that arrives, until close().
   * Gives the handle the other functions take.
   */
  open(device: unknown, baud: number, rx: PinId | null, tx: PinId | null, onData: (bytes: string) => void): unknown;
  /** Hands bytes to the transmitter. ristretto/io paces the writes so that this never has to wait. */
  write(handle: unknown, bytes: string): void;
  /** Stops receiving; the pins are released. */
  close(handle: unknown): void;
}
