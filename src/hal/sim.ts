// The simulator's HAL: a virtual board in plain JavaScript, so that it runs
// in a bundle on any engine as well as on the host. Every level change and
// PWM setting is recorded with the loop's time; the host drives inputs with
// simBoard.drive() and reads simBoard.trace. Device code (it goes into bundles
// for the sim board).

import { getLoop } from "../core/loop";
import type { Hal, PinId, PinMode } from "./hal";

interface SimPin {
  mode: PinMode;
  /** Written by firmware (output mode). */
  out: boolean;
  /** Driven from outside (a scripted press); undefined: floating, the pull decides. */
  ext: boolean | undefined;
  /** The level last seen, to record and report changes. */
  level: boolean;
  duty: number;
  analog: number;
}

/** One change on a pin: time (ms), pin, and the level (0/1), or the PWM duty (0..1) if `pwm`. */
export interface TraceEntry {
  t: number;
  pin: string;
  value: number;
  pwm?: boolean;
}

export class SimBoard {
  _pins: { [pin: string]: SimPin } = {};
  _watches: { pin: string; fn: () => void }[] = [];
  trace: TraceEntry[] = [];

  /** Forgets every pin, watch and trace entry (a fresh board). */
  reset(): void {
    this._pins = {};
    this._watches = [];
    this.trace = [];
  }

  _pin(id: PinId): SimPin {
    var k = String(id);
    return this._pins[k] || (this._pins[k] = { mode: "input", out: false, ext: undefined, level: false, duty: -1, analog: 0 });
  }

  /** The level the pin has now: what firmware writes, else what drives it, else its pull. */
  level(id: PinId): boolean {
    var p = this._pin(id);
    if (p.mode === "output") return p.out;
    if (p.ext !== undefined) return p.ext;
    return p.mode === "input_pullup";
  }

  /** Drives an input from outside (a button, a sensor); undefined lets it float. */
  drive(id: PinId, high: boolean | undefined): void {
    this._pin(id).ext = high;
    this._update(id);
  }

  /** Sets what adc() reads on the pin (0..1). */
  setAnalog(id: PinId, v: number): void {
    this._pin(id).analog = v;
  }

  _now(): number {
    return getLoop()._clock.now();
  }

  _update(id: PinId): void {
    var p = this._pin(id), now = this.level(id), i: number, w: { pin: string; fn: () => void }[];
    if (now === p.level) return;
    p.level = now;
    this.trace.push({ t: this._now(), pin: String(id), value: now ? 1 : 0 });
    w = this._watches.slice();
    for (i = 0; i < w.length; i++) if (w[i].pin === String(id)) w[i].fn();
  }
}

export var simBoard = new SimBoard();

export var hal: Hal = {
  mode: function (pin: PinId, mode: PinMode) {
    simBoard._pin(pin).mode = mode;
    simBoard._update(pin);
  },
  write: function (pin: PinId, high: boolean) {
    var p = simBoard._pin(pin);
    p.mode = "output"; // as Espruino's digitalWrite does
    p.out = !!high;
    simBoard._update(pin);
  },
  read: function (pin: PinId) {
    return simBoard.level(pin);
  },
  watch: function (pin: PinId, fn: () => void) {
    var w = { pin: String(pin), fn: fn };
    simBoard._watches.push(w);
    return w;
  },
  unwatch: function (id: unknown) {
    var ws = simBoard._watches, i = ws.indexOf(id as { pin: string; fn: () => void });
    if (i >= 0) ws.splice(i, 1);
  },
  pwm: function (pin: PinId, duty: number, _freq: number) {
    var p = simBoard._pin(pin);
    p.mode = "output";
    if (p.duty === duty) return;
    p.duty = duty;
    simBoard.trace.push({ t: simBoard._now(), pin: String(pin), value: duty, pwm: true });
  },
  adc: function (pin: PinId) {
    return simBoard._pin(pin).analog;
  },
};
