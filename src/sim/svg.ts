// A waveform picture of a simulation: one lane per pin, a time axis, labels.
// Digital lanes step between low and high; PWM lanes draw the duty; a serial
// port's lane draws a box per burst of bytes, with the bytes as its tooltip,
// and as its text where they fit. Host only.

import type { Lane } from "./lanes";

var LABEL_W = 90, LANE_H = 36, PLOT_W = 720, AXIS_H = 28, PAD = 10, CHAR_W = 7.2;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A bus lane's bursts: [start ms, end ms, the bytes] for each run of bytes between idles (-1). */
function bursts(points: [number, number][]): [number, number, string][] {
  var out: [number, number, string][] = [], cur: [number, number, string] | undefined;
  points.forEach(function (p) {
    if (p[1] < 0) {
      if (cur) cur[1] = p[0];
      cur = undefined;
      return;
    }
    if (!cur) out.push((cur = [p[0], p[0], ""]));
    cur[2] += String.fromCharCode(p[1]);
  });
  return out;
}

/** A "nice" tick step (1, 2 or 5 times a power of ten) for about 8 ticks over `span` ms. */
function tickStep(span: number): number {
  var raw = span / 8, p = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10)), m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

export function toSVG(lanes: Lane[], endMs: number, title: string): string {
  var end = endMs > 0 ? endMs : 1, width = LABEL_W + PLOT_W + 2 * PAD, height = PAD * 2 + 20 + lanes.length * LANE_H + AXIS_H;
  function x(t: number): number {
    return LABEL_W + PAD + (Math.min(t, end) / end) * PLOT_W;
  }
  var out = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + height + '" viewBox="0 0 ' + width + " " + height + '" font-family="monospace" font-size="12">',
    '<rect width="100%" height="100%" fill="#fff"/>',
    '<text x="' + PAD + '" y="' + (PAD + 12) + '" font-weight="bold">' + esc(title) + "</text>",
  ];
  lanes.forEach(function (lane, i) {
    var top = PAD + 20 + i * LANE_H, hi = top + 6, lo = top + LANE_H - 8, v = 0, pts: string[] = [];
    out.push('<text x="' + PAD + '" y="' + num((hi + lo) / 2 + 4) + '">' + esc(lane.label) + (lane.analog ? " (analog)" : "") + "</text>");
    out.push('<line x1="' + LABEL_W + '" x2="' + (width - PAD) + '" y1="' + (top + LANE_H - 2) + '" y2="' + (top + LANE_H - 2) + '" stroke="#ddd"/>');
    if (lane.bits) {
      out.push('<line x1="' + num(x(0)) + '" x2="' + num(x(end)) + '" y1="' + num((hi + lo) / 2) + '" y2="' + num((hi + lo) / 2) + '" stroke="#999" stroke-dasharray="2,3"/>');
      bursts(lane.points).forEach(function (b) {
        var left = x(b[0]), w = Math.max(1, x(b[1]) - left), text = JSON.stringify(b[2]).slice(1, -1), fits = Math.floor((w - 4) / CHAR_W);
        out.push('<rect x="' + num(left) + '" y="' + hi + '" width="' + num(w) + '" height="' + (lo - hi) + '" fill="#e6f0fa" stroke="#06c"><title>' + esc(text) + "</title></rect>");
        if (fits >= 3) out.push('<text x="' + num(left + 2) + '" y="' + num((hi + lo) / 2 + 4) + '">' + esc(text.length > fits ? text.slice(0, fits - 1) + "…" : text) + "</text>");
      });
      return;
    }
    function y(value: number): number {
      return lo - (lo - hi) * value;
    }
    pts.push(num(x(0)) + "," + num(y(0)));
    lane.points.forEach(function (p) {
      pts.push(num(x(p[0])) + "," + num(y(v)), num(x(p[0])) + "," + num(y(p[1])));
      v = p[1];
    });
    pts.push(num(x(end)) + "," + num(y(v)));
    out.push('<polyline fill="none" stroke="' + (lane.analog ? "#c60" : "#06c") + '" stroke-width="1.5" points="' + pts.join(" ") + '"/>');
  });
  var axis = PAD + 20 + lanes.length * LANE_H, step = tickStep(end), t: number;
  out.push('<line x1="' + x(0) + '" x2="' + x(end) + '" y1="' + axis + '" y2="' + axis + '" stroke="#333"/>');
  for (t = 0; t <= end + 1e-9; t += step) {
    out.push('<line x1="' + num(x(t)) + '" x2="' + num(x(t)) + '" y1="' + axis + '" y2="' + (axis + 4) + '" stroke="#333"/>');
    out.push('<text x="' + num(x(t)) + '" y="' + (axis + 16) + '" text-anchor="middle">' + (t >= 1000 ? num(t / 1000) + " s" : num(t) + " ms") + "</text>");
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
}
