// What `ristretto sim` shows while a simulation runs, and the summary after
// it: the state of the board's LEDs, buttons and other pins that changed,
// kept from the trace's changes, and rendered as text. Every render is a pure
// function of that state, so tests compare strings; only redraw() knows about
// terminals (ANSI cursor movement). Host only.

/** A pin the view shows. */
export interface ViewPin {
  /** The board's name for it: LED1, BTN1, or the pin's own name (D3). */
  label: string;
  /** Its id in the trace (the value ristretto/board exports for it). */
  id: string;
  kind: "led" | "button" | "pin";
  /** A button that reads low when pressed. */
  activeLow?: boolean;
}

export interface LivePin extends ViewPin {
  /** The level (0/1) or, if `analog`, the PWM duty or ADC reading (0..1). */
  value: number;
  analog: boolean;
  changes: number;
  /** When it last changed (ms). */
  since: number;
  /** The integral of `value` over time, from 0 to `since` (ms), for its duty. */
  area: number;
}

export interface LiveState {
  /** "firmware/blink-many on sim (Simulated board)" */
  title: string;
  /** Virtual time now, and where the run stops (ms). */
  t: number;
  until: number;
  /** "1x", "max" */
  speed: string;
  /** The board's LEDs, then its buttons, then other pins in the order they first changed. */
  pins: LivePin[];
  byId: { [id: string]: LivePin };
  /** The board's name for each pin id, for pins seen later. */
  labels: { [id: string]: string };
}

export function createLiveState(title: string, until: number, speed: string, pins: ViewPin[], labels: { [id: string]: string }): LiveState {
  var s: LiveState = { title: title, t: 0, until: until, speed: speed, pins: [], byId: {}, labels: labels };
  pins.forEach(function (p) {
    add(s, p);
  });
  return s;
}

function add(s: LiveState, p: ViewPin): LivePin {
  // A button that is active low rests high (its pull-up).
  var rest = p.kind === "button" && p.activeLow ? 1 : 0;
  var pin: LivePin = { label: p.label, id: p.id, kind: p.kind, activeLow: p.activeLow, value: rest, analog: false, changes: 0, since: 0, area: 0 };
  s.byId[p.id] = pin;
  s.pins.push(pin);
  return pin;
}

/** Records a change of the trace; returns the pin. */
export function applyChange(s: LiveState, t: number, id: string, value: number, analog: boolean): LivePin {
  var pin = s.byId[id] || add(s, { label: s.labels[id] || id, id: id, kind: "pin" });
  pin.area += pin.value * (t - pin.since);
  pin.value = value;
  pin.since = t;
  pin.analog = analog;
  pin.changes++;
  if (t > s.t) s.t = t;
  return pin;
}

/** Seconds with three decimals: "1.500s". */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(3) + "s";
}

/** "on", "pressed", "high", "42%". */
export function stateWord(p: LivePin): string {
  if (p.analog) return (Math.round(p.value * 1000) / 10).toFixed(1) + "%";
  var active = p.kind === "button" && p.activeLow ? !p.value : !!p.value;
  if (p.kind === "led") return active ? "on" : "off";
  if (p.kind === "button") return active ? "pressed" : "released";
  return active ? "high" : "low";
}

var GLYPHS = { led: ["○", "●"], button: ["□", "■"], pin: ["▯", "▮"] };
var SHADES = ["○", "◔", "◑", "◕", "●"];

function glyph(p: LivePin): string {
  if (p.analog) return SHADES[Math.round(p.value * 4)] || "?";
  var active = p.kind === "button" && p.activeLow ? !p.value : !!p.value;
  return GLYPHS[p.kind][active ? 1 : 0];
}

/** Times padded to the width of the run's end, so that lines align. */
function stamp(s: LiveState, t: number): string {
  var text = seconds(t), w = seconds(s.until).length;
  return new Array(Math.max(0, w - text.length) + 1).join(" ") + text;
}

/** A plain line for a change: "1.500s LED1 on". */
export function changeLine(s: LiveState, t: number, p: LivePin): string {
  return stamp(s, t) + " " + p.label + " " + stateWord(p);
}

/** Bytes on a serial port: "1.001s SERIAL1 wrote "ok\r\n"" (`verb`: "got" from the other end, "wrote" by the firmware). */
export function uartLine(s: LiveState, t: number, port: string, verb: string, bytes: string): string {
  return stamp(s, t) + " " + port + " " + verb + " " + JSON.stringify(bytes);
}

/** A line the firmware printed: "[1.200s] text". */
export function consoleLine(t: number, text: string): string {
  return "[" + seconds(t) + "] " + text;
}

var BRIGHT = "\x1b[1;33m", DIM = "\x1b[2m", RESET = "\x1b[0m";

/** The live view: a header, then one line per pin. At most `columns - 1` wide, so no line wraps; coloured if `color`. */
export function frame(s: LiveState, columns: number, color: boolean): string[] {
  var w = widest(s.pins), max = Math.max(10, columns - 1);
  var lines = [fit(s.title + "   " + seconds(s.t) + " of " + seconds(s.until) + "   speed " + s.speed, max, color ? DIM : "")];
  s.pins.forEach(function (p) {
    var g = glyph(p), lit = p.analog ? p.value > 0 : g === GLYPHS[p.kind][1];
    var text = p.label + new Array(w - p.label.length + 3).join(" ") + stateWord(p);
    lines.push(" " + (color && lit ? BRIGHT + g + RESET : g) + " " + fit(text, max - 3, ""));
  });
  return lines;
}

/** The longest label (at least 4, as LED1), to align the states. */
function widest(pins: LivePin[]): number {
  var w = 4;
  pins.forEach(function (p) {
    w = Math.max(w, p.label.length);
  });
  return w;
}

function fit(text: string, width: number, style: string): string {
  var t = text.length > width ? text.slice(0, width - 1) + "…" : text;
  return style ? style + t + RESET : t;
}

/**
 * The text that replaces a frame of `height` lines on a terminal (0: none
 * drawn yet) by the lines `above` (printed once, they scroll up) and the new
 * frame. The cursor is left at the start of the line below the frame.
 */
export function redraw(height: number, above: string[], next: string[]): string {
  return (height ? "\r\x1b[" + height + "A\x1b[0J" : "") + above.concat(next).join("\n") + "\n";
}

/** How the run went, for summary(). */
export interface RunInfo {
  /** Real time the run took (ms). */
  realMs: number;
  /** Why it stopped early, or went idle: "idle after 4.500s: no task waits on a timer". */
  stopped?: string;
  consoleLines: number;
  errors: { t: number; message: string }[];
  /** Files written: "trace.vcd (1,234 bytes)". */
  wrote: string[];
}

/** Time on (or pressed, high; the mean for analog pins) as a share of 0..t. */
export function duty(p: LivePin, t: number): number {
  return t > 0 ? (p.area + p.value * (t - p.since)) / t : p.value;
}

function percent(x: number): string {
  return (Math.round(x * 1000) / 10).toFixed(1) + "%";
}

/** "1.00x", "250x", "1,234x" */
export function speedFactor(x: number): string {
  if (x < 10) return x.toFixed(2) + "x";
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "x";
}

/** The lines printed after a run. */
export function summary(s: LiveState, r: RunInfo): string[] {
  var factor = r.realMs >= 1 ? speedFactor(s.t / r.realMs) + " real time" : "under 1 ms of real time";
  var lines = [s.title + ": " + seconds(s.t) + " simulated in " + seconds(r.realMs) + " (" + factor + ")" + (r.stopped ? "; " + r.stopped : "")];
  var w = widest(s.pins);
  s.pins.forEach(function (p) {
    var head = "  " + p.label + new Array(w - p.label.length + 3).join(" "), n = p.changes === 1 ? "1 change" : p.changes + " changes";
    var d = duty(p, s.t), word = p.kind === "led" ? "on" : p.kind === "button" ? "pressed" : "high";
    if (p.kind === "button" && p.activeLow && !p.analog) d = 1 - d;
    if (p.analog) lines.push(head + n + ", mean " + percent(d) + ", now " + stateWord(p));
    else if (!p.changes) lines.push(head + "no change, " + stateWord(p));
    else lines.push(head + n + ", " + word + " " + percent(d) + " of the time");
  });
  lines.push("console: " + (r.consoleLines === 1 ? "1 line" : r.consoleLines + " lines"));
  if (!r.errors.length) lines.push("errors: none");
  else {
    lines.push("errors: " + r.errors.length);
    r.errors.forEach(function (e) {
      lines.push("  " + seconds(e.t) + " " + e.message);
    });
  }
  if (r.wrote.length) lines.push("wrote " + r.wrote.join(", "));
  return lines;
}
