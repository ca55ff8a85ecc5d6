// Scripted inputs on the sim board for io tests: drive pins at virtual times.

import { simBoard } from "../../src/hal/sim";
import type { VirtualClock } from "../../src/sim/virtual-clock";

/** Drives each [ms, pin, level] at its (absolute) virtual time. */
export function drive(clock: VirtualClock, steps: [number, string, boolean][]): void {
  steps.forEach(function (s) {
    clock.setTimer(function () {
      simBoard.drive(s[1], s[2]);
    }, s[0] - clock.now());
  });
}

/** A press of `pin` from `at` for `holdMs` that bounces twice at each edge (active high unless `low`). */
export function bouncyPress(pin: string, at: number, holdMs: number, low?: boolean): [number, string, boolean][] {
  var on = !low;
  return [
    [at, pin, on],
    [at + 1, pin, !on],
    [at + 2, pin, on],
    [at + holdMs, pin, !on],
    [at + holdMs + 1, pin, on],
    [at + holdMs + 3, pin, !on],
  ];
}
