// The trace of a simulation as one lane per pin, for the waveform exports
// (vcd.ts, svg.ts). Host only.

import type { TraceEntry } from "../hal/sim";

export interface Lane {
  /** "LED1" (the board's name), or the pin's own name when it has none. */
  label: string;
  /** Its values are PWM duties (0..1), not levels. */
  analog: boolean;
  /** [ms, value] per change, in order. */
  points: [number, number][];
}

/** Lanes in the order the pins first changed; `labels` maps a pin id to its board name. */
export function lanesOf(trace: TraceEntry[], labels: { [pin: string]: string }): Lane[] {
  var byPin: { [pin: string]: Lane } = {}, lanes: Lane[] = [];
  trace.forEach(function (e) {
    var lane = byPin[e.pin];
    if (!lane) {
      lane = byPin[e.pin] = { label: labels[e.pin] || e.pin, analog: false, points: [] };
      lanes.push(lane);
    }
    if (e.pwm) lane.analog = true;
    lane.points.push([e.t, e.value]);
  });
  return lanes;
}
