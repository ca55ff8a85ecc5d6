// Value Change Dump (IEEE 1364), which GTKWave and PulseView open: a wire per
// digital pin, a real per PWM pin (its duty), an 8-bit wire per direction of a
// serial port (a byte per value, z when the line is idle: GTKWave shows it as
// ASCII with Data Format > ASCII), time in microseconds. Host only.

import type { Lane } from "./lanes";

/** VCD identifiers: printable ASCII from "!" on. */
function code(i: number): string {
  var s = "";
  do {
    s += String.fromCharCode(33 + (i % 94));
    i = Math.floor(i / 94) - 1;
  } while (i >= 0);
  return s;
}

function value(lane: Lane, v: number, id: string): string {
  if (lane.bits) return "b" + (v < 0 ? "z" : v.toString(2)) + " " + id;
  return lane.analog ? "r" + v + " " + id : (v ? "1" : "0") + id;
}

function kind(lane: Lane): string {
  return lane.bits ? "wire " + lane.bits + " " : lane.analog ? "real 64 " : "wire 1 ";
}

export function toVCD(lanes: Lane[], scope: string): string {
  var out = ["$version ristretto simulator $end", "$timescale 1us $end", "$scope module " + scope.replace(/\W/g, "_") + " $end"];
  var changes: { t: number; line: string; seq: number }[] = [], seq = 0;
  lanes.forEach(function (lane, i) {
    var id = code(i);
    out.push("$var " + kind(lane) + id + " " + lane.label.replace(/\s/g, "_") + " $end");
    lane.points.forEach(function (p) {
      changes.push({ t: p[0], line: value(lane, p[1], id), seq: seq++ });
    });
  });
  out.push("$upscope $end", "$enddefinitions $end", "#0", "$dumpvars");
  lanes.forEach(function (lane, i) {
    out.push(lane.bits ? "bz " + code(i) : lane.analog ? "r0 " + code(i) : "x" + code(i));
  });
  out.push("$end");
  changes.sort((a, b) => a.t - b.t || a.seq - b.seq);
  var last = -1;
  changes.forEach(function (c) {
    var us = Math.round(c.t * 1000);
    if (us !== last) out.push("#" + us);
    last = us;
    out.push(c.line);
  });
  return out.join("\n") + "\n";
}
