// The virtual board a bundle's runtime drives: src/hal/sim.ts's SimBoard
// (the same pins, compact trace and level logic as the Node simulation) on
// the simulation's own clock, with the pin operations the runtimes' globals
// share. Host only.

import type { PinId, PinMode } from "../../hal/hal";
import { SimBoard } from "../../hal/sim";
import type { SimPin } from "../../hal/sim";
import type { VirtualClock } from "../virtual-clock";

export type Listener = [SimPin, () => void];

export class BundleBoard extends SimBoard {
  constructor(public _clock: VirtualClock) {
    super();
  }

  override _now(): number {
    return this._clock.now();
  }

  setMode(pin: PinId, mode: PinMode): void {
    var p = this._pin(pin);
    p.mode = mode;
    this._update(p);
  }

  /** Sets the output latch; the pin shows it only in output mode. */
  setOut(pin: PinId, high: boolean): void {
    var p = this._pin(pin);
    p.out = high;
    this._update(p);
  }

  /** Records a PWM duty (0..1) as an analog value of the pin, when it changes; `output` makes it an output, as src/hal/sim.ts's pwm does (no level change is recorded). */
  setDuty(pin: PinId, duty: number, output: boolean): void {
    var p = this._pin(pin);
    if (output) p.mode = "output";
    if (p.duty === duty) return;
    p.duty = duty;
    this.trace.push(this._now(), p.n, duty, true);
  }

  /** Calls `fn` at every level change of the pin, until unlisten(). */
  listen(pin: PinId, fn: () => void): Listener {
    var p = this._pin(pin);
    p.watches.push(fn);
    this.watches++;
    return [p, fn];
  }

  unlisten(l: Listener): void {
    var i = l[0].watches.indexOf(l[1]);
    if (i < 0) return;
    l[0].watches.splice(i, 1);
    this.watches--;
  }
}
