// The simulator's serial ports: a virtual wire per port of the board. What
// the firmware writes is recorded with the loop's time; the host delivers
// bytes with deliver() (scripted by sim.uart(name).send(), sim-base.ts).
// Plain JavaScript, so that it runs in a bundle for the sim board too.
// Device code.

import { loopNow } from "../core/loop";
import type { PinId } from "./hal";
import type { UartHal } from "./uart";

/** One port's wire: both directions, as chunks with their times. */
export class UartWire {
  /** The baud rate it was opened at (0: never opened). */
  baud = 0;
  /** [ms, bytes] per chunk that arrived (delivered or not) and per chunk the firmware wrote. */
  rx: [number, string][] = [];
  tx: [number, string][] = [];
  /** The firmware's receive callback while the port is open. */
  _onData: ((bytes: string) => void) | undefined = undefined;

  constructor(
    public name: string,
    public _now: () => number,
  ) {}

  isOpen(): boolean {
    return this._onData !== undefined;
  }

  /** Bytes arriving now: the firmware's callback gets them if the port is open (else they are lost, as on a wire). */
  deliver(bytes: string): void {
    this.rx.push([this._now(), bytes]);
    if (this._onData) this._onData(bytes);
  }

  open(baud: number, onData: (bytes: string) => void): void {
    if (this._onData) throw new Error(this.name + " is already open: close() it before opening it again");
    this.baud = baud;
    this._onData = onData;
  }

  write(bytes: string): void {
    this.tx.push([this._now(), bytes]);
  }

  close(): void {
    this._onData = undefined;
  }
}

/** The ports of the simulated board, made as firmware opens them or the host scripts them. */
export class SimUarts {
  _ports: { [name: string]: UartWire } = {};

  constructor(public _now: () => number) {}

  port(name: string): UartWire {
    return this._ports[name] || (this._ports[name] = new UartWire(name, this._now));
  }

  names(): string[] {
    return Object.keys(this._ports);
  }

  reset(): void {
    this._ports = {};
  }
}

export var simUarts = new SimUarts(function () {
  return loopNow();
});

export var uartHal: UartHal = {
  open: function (device: unknown, baud: number, _rx: PinId | null, _tx: PinId | null, onData: (bytes: string) => void) {
    var w = simUarts.port(String(device));
    w.open(baud, onData);
    return w;
  },
  write: function (handle: unknown, bytes: string) {
    (handle as UartWire).write(bytes);
  },
  close: function (handle: unknown) {
    (handle as UartWire).close();
  },
};
