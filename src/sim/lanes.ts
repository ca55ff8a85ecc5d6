// The trace of a simulation as one lane per pin, for the waveform exports
// (vcd.ts, svg.ts). Host only.

import type { Trace } from "../hal/trace";

export interface Lane {
  /** "LED1" (the board's name), or the pin's own name when it has none. */
  label: string;
  /** Its values are analog (PWM duty, ADC reading; 0..1), not levels. */
  analog: boolean;
  /** A bus of this many bits (a serial port's bytes): values are numbers, -1 for idle (high impedance). */
  bits?: number;
  /** [ms, value] per change, in order. */
  points: [number, number][];
}

/** Lanes in the order the pins first changed; `labels` maps a pin id to its board name. */
export function lanesOf(trace: Trace, labels: { [pin: string]: string }): Lane[] {
  var byPin: { [pin: string]: Lane } = {}, lanes: Lane[] = [];
  trace.forEach(function (t, pin, value, analog) {
    var lane = byPin[pin];
    if (!lane) {
      lane = byPin[pin] = { label: labels[pin] || pin, analog: false, points: [] };
      lanes.push(lane);
    }
    if (analog) lane.analog = true;
    lane.points.push([t, value]);
  });
  return lanes;
}
