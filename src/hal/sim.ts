// The simulator's HAL: a virtual board in plain JavaScript, so that it runs
// in a bundle on any engine as well as on the host. Every level change, PWM
// setting and ADC value is recorded with the loop's time in a compact trace
// (trace.ts); the host drives inputs with simBoard.drive() and setAnalog().
// Device code (it goes into bundles for the sim board).

import { loopNow } from "../core/loop";
import type { PinId, PinMode } from "./hal";
import { Trace } from "./trace";

export interface SimPin {
  /** The pin's number in the trace. */
  n: number;
  mode: PinMode;
  /** Written by firmware (output mode). */
  out: boolean;
  /** Driven from outside (a scripted press); undefined: floating, the pull decides. */
  ext: boolean | undefined;
  /** The level last seen, to record and report changes. */
  level: boolean;
  duty: number;
  analog: number;
  /** Callbacks of the watches on this pin. */
  watches: (() => void)[];
}

export class SimBoard {
  _pins: { [pin: string]: SimPin } = {};
  /** Number of watches set, on every pin. */
  watches = 0;
  trace = new Trace();

  /** Forgets every pin, watch and trace entry (a fresh board). */
  reset(): void {
    this._pins = {};
    this.watches = 0;
    this.trace = new Trace();
  }

  _pin(id: PinId): SimPin {
    var k = String(id);
    return this._pins[k] || (this._pins[k] = { n: this.trace.number(k), mode: "input", out: false, ext: undefined, level: false, duty: -1, analog: 0, watches: [] });
  }

  /** The level the pin has now: what firmware writes, else what drives it, else its pull. */
  level(id: PinId): boolean {
    return levelOf(this._pin(id));
  }

  /** Drives an input from outside (a button, a sensor); undefined lets it float. */
  drive(id: PinId, high: boolean | undefined): void {
    var p = this._pin(id);
    p.ext = high;
    this._update(p);
  }

  /** Sets what adc() reads on the pin (0..1); the trace shows it as an analog lane. */
  setAnalog(id: PinId, v: number): void {
    var p = this._pin(id);
    if (p.analog === v) return;
    p.analog = v;
    this.trace.push(this._now(), p.n, v, true);
  }

  _now(): number {
    return loopNow();
  }

  _update(p: SimPin): void {
    var now = levelOf(p), i: number, w: (() => void)[];
    if (now === p.level) return;
    p.level = now;
    this.trace.push(this._now(), p.n, now ? 1 : 0);
    if (!p.watches.length) return;
    w = p.watches.slice(); // a callback may unwatch
    for (i = 0; i < w.length; i++) w[i]();
  }
}

function levelOf(p: SimPin): boolean {
  if (p.mode === "output") return p.out;
  if (p.ext !== undefined) return p.ext;
  return p.mode === "input_pullup";
}

export var simBoard = new SimBoard();

export function mode(pin: PinId, mode: PinMode): void {
  var p = simBoard._pin(pin);
  p.mode = mode;
  simBoard._update(p);
}

export function write(pin: PinId, high: boolean | number): void {
  var p = simBoard._pin(pin);
  p.mode = "output"; // as Espruino's digitalWrite does
  p.out = !!high;
  simBoard._update(p);
}

export function read(pin: PinId): boolean {
  return simBoard.level(pin);
}

export function watch(pin: PinId, fn: () => void): unknown {
  var p = simBoard._pin(pin);
  p.watches.push(fn);
  simBoard.watches++;
  return [p, fn];
}

export function unwatch(id: unknown): void {
  var w = id as [SimPin, () => void], i = w[0].watches.indexOf(w[1]);
  if (i < 0) return;
  w[0].watches.splice(i, 1);
  simBoard.watches--;
}

export function pwm(pin: PinId, duty: number, _freq: number): void {
  var p = simBoard._pin(pin);
  p.mode = "output";
  if (p.duty === duty) return;
  p.duty = duty;
  simBoard.trace.push(simBoard._now(), p.n, duty, true);
}

export function adc(pin: PinId): number {
  return simBoard._pin(pin).analog;
}
