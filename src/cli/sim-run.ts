// The run of `ristretto sim`: an app on a simulated board, its LEDs and
// buttons shown live (redrawn in place on a terminal, one plain line per
// change otherwise), buttons pressed on cue, then a summary, and the trace
// written as VCD or SVG. Virtual time is paced against real time (--speed 1)
// or runs as fast as it can (--speed max). Host only.

import fs = require("fs");
import path = require("path");
import { boardNames } from "../build/boards";
import { createSim } from "../sim/create-sim";
import type { Sim } from "../sim/create-sim";
import { applyChange, changeLine, consoleLine, createLiveState, frame, redraw, seconds, summary, uartLine } from "../sim/live-view";
import type { LiveState, ViewPin } from "../sim/live-view";
import { appErrors } from "./app-check";
import { compileApp } from "./app-compile";
import { usageError } from "./args";
import type { PressSpec, SendSpec } from "./args";
import { EXIT } from "./command";
import type { Io } from "./command";
import type { SimOptions } from "./sim";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/cli
/** Real time between two frames at a paced speed. */
var FRAME_MS = 50;
/** Real time a chunk of virtual time should take at --speed max, so that output flows as it runs. */
var CHUNK_MS = 50;

/** Schedules the presses; a name that is not a pin of the board, or is an LED, is a usage error. */
function schedulePresses(sim: Sim, presses: PressSpec[]): void {
  var b = sim.board, buttons = Object.keys(b.buttons);
  presses.forEach(function (p) {
    var what = "--press " + p.text + ": ";
    try {
      var pin = sim._name(p.pin).pin;
    } catch (e) {
      throw usageError(what + (e as Error).message);
    }
    Object.keys(b.leds).forEach(function (led) {
      if (b.leds[led] === pin) {
        var is = p.pin === led ? p.pin + " is an LED" : p.pin + " is " + led;
        throw usageError(what + is + ", an output the firmware drives: expected an input" + (buttons.length ? " such as " + buttons.join(", ") : ""));
      }
    });
    try {
      sim.press(p.pin, { at: p.at, holdMs: p.holdMs, bounceMs: p.bounceMs });
    } catch (e) {
      throw usageError(what + (e as Error).message);
    }
  });
}

/**
 * Schedules the sends, each noted in `sent` as a line when it starts. A port
 * the board lacks is a usage error; one the firmware has not opened by then
 * stops the run.
 */
function scheduleSends(sim: Sim, sends: SendSpec[], sent: SendSpec[]): void {
  sends.forEach(function (s) {
    try {
      var port = sim.uart(s.port);
    } catch (e) {
      throw usageError("--send " + s.text + ": " + (e as Error).message);
    }
    // At its time, at the baud rate the firmware opened the port at by then.
    sim._at(s.at, function () {
      if (!port.isOpen()) throw new Error("--send " + s.text + ": the firmware has not opened " + s.port + " by " + seconds(s.at) + ", so nothing would read it: send after its uart(" + s.port + ")");
      port.send(s.data);
      sent.push(s);
    });
  });
}

/** The board's serial ports that the firmware wrote to or was sent bytes on, with what went each way. */
function uartTraffic(sim: Sim): { port: string; written: [number, string][]; received: [number, string][] }[] {
  return Object.keys(sim.board.uarts || {})
    .map(function (p) {
      var u = sim.uart(p);
      return { port: p, written: u.written(), received: u.received() };
    })
    .filter(function (u) {
      return u.written.length || u.received.length;
    });
}

/** The LEDs and buttons of the board, and the board's name for every pin id. */
function viewPins(sim: Sim): { pins: ViewPin[]; labels: { [id: string]: string } } {
  var b = sim.board, pins: ViewPin[] = [], labels: { [id: string]: string } = {};
  boardNames(b).forEach(function (n) {
    var id = String(n.value);
    if (!labels[id]) labels[id] = n.name; // LEDs and buttons come first
  });
  Object.keys(b.leds).forEach(function (n) {
    pins.push({ label: n, id: String(sim._name(n).value), kind: "led" });
  });
  Object.keys(b.buttons).forEach(function (n) {
    pins.push({ label: n, id: String(sim._name(n).value), kind: "button", activeLow: b.buttons[n].activeLow });
  });
  return { pins: pins, labels: labels };
}

/** Where the output is: how far the trace and the console have been read, and the frame on screen. */
interface Reader {
  state: LiveState;
  traced: number;
  printed: number;
  /** Writes shown, by serial port. */
  wrote: { [port: string]: number };
  /** Sends done and not shown yet. */
  sent: SendSpec[];
  height: number;
}

/** Reads what happened since the last call and shows it: a new frame, or plain lines. */
function show(sim: Sim, r: Reader, o: SimOptions, io: Io): void {
  var s = r.state, plain: { t: number; line: string }[] = [], above: string[] = [], trace = sim._trace();
  trace.forEach(function (t, pin, value, analog) {
    var p = applyChange(s, t, pin, value, analog);
    plain.push({ t: t, line: changeLine(s, t, p) });
  }, r.traced);
  r.traced = trace.size;
  for (; r.printed < sim.console.length; r.printed++) {
    var c = sim.console[r.printed];
    plain.push({ t: c.t, line: consoleLine(c.t, c.text) });
    above.push(consoleLine(c.t, c.text));
  }
  r.sent.splice(0).forEach(function (x) {
    var line = uartLine(s, x.at, x.port, "got", x.data);
    plain.push({ t: x.at, line: line });
    above.push(line);
  });
  uartTraffic(sim).forEach(function (u) {
    for (var i = r.wrote[u.port] || 0; i < u.written.length; i++) {
      var w = u.written[i], line = uartLine(s, w[0], u.port, "wrote", w[1]);
      plain.push({ t: w[0], line: line });
      above.push(line);
    }
    r.wrote[u.port] = u.written.length;
  });
  s.t = sim.now();
  if (o.live) {
    var f = frame(s, io.columns, io.color);
    io.out(redraw(r.height, above, f));
    r.height = f.length;
  } else if (plain.length) {
    // Pin changes before what was printed in the same millisecond (sort is stable).
    plain.sort(function (x, y) {
      return x.t - y.t;
    });
    io.out(
      plain
        .map(function (l) {
          return l.line;
        })
        .join("\n") + "\n",
    );
  }
}

/** Runs the simulation as `o` says; resolves to the exit code. */
export async function runSim(o: SimOptions, io: Io): Promise<number> {
  var sim = createSim(o.board), start = 0, stopped = "", failure = "";
  var view = viewPins(sim), title = o.app + " on " + sim.board.id + " (" + sim.board.name + ")";
  var r: Reader = { state: createLiveState(title, o.until, o.speed === Infinity ? "max" : o.speed + "x", view.pins, view.labels), traced: 0, printed: 0, wrote: {}, sent: [], height: 0 };
  schedulePresses(sim, o.presses);
  scheduleSends(sim, o.sends, r.sent);
  var mismatch = appErrors(o.app, sim.board);
  if (mismatch.length) {
    io.err(mismatch.join("\n") + "\n");
    return EXIT.FAILED;
  }
  var compiled = compileApp(o.app);
  if (compiled.errors.length) {
    io.err(compiled.errors.join("\n") + "\n");
    return EXIT.FAILED;
  }
  try {
    sim.startApp(compiled.main);
  } catch (e) {
    io.err(loadError(o.app, e) + "\n");
    return EXIT.FAILED;
  }
  start = io.now();
  try {
    var chunk = 100; // virtual ms per step at --speed max, adapted to take about CHUNK_MS
    show(sim, r, o, io);
    while (sim.now() < o.until && !(o.stop && o.stop())) {
      var t0 = io.now(), target = o.speed === Infinity ? sim.now() + chunk : Math.floor((t0 - start) * o.speed);
      target = Math.min(o.until, target);
      if (target > sim.now()) await sim.advance(target - sim.now());
      show(sim, r, o, io);
      if (!sim.clock.pending() && sim.now() < o.until) {
        // Nothing can happen any more: every task is done or waits for an input no --press gives.
        await sim.advance(o.until - sim.now());
        show(sim, r, o, io);
        break;
      }
      if (sim.now() >= o.until) break;
      if (o.speed === Infinity) {
        var took = io.now() - t0;
        chunk = took < CHUNK_MS / 2 ? chunk * 2 : took > CHUNK_MS * 2 ? Math.max(1, Math.floor(chunk / 2)) : chunk;
        await io.wait(0); // lets the process breathe (output, signals)
      } else await io.wait(Math.min(FRAME_MS, Math.max(1, Math.ceil((o.until - sim.now()) / o.speed))));
    }
  } catch (e) {
    // A scripted input that could not happen: a press on a pin the firmware made an output.
    failure = pressFailure(o.presses, (e as Error).message || String(e));
    stopped = "stopped at " + seconds(sim.now()) + (/^--press /.test(failure) ? " by a press that could not happen" : /^--send /.test(failure) ? " by a send that could not happen" : " by an error");
    show(sim, r, o, io);
  }
  if (!failure && !sim.clock.pending()) stopped = "idle after " + seconds(lastActivity(sim)) + ": no task waits on a timer";
  var wrote: string[] = [];
  try {
    if (o.vcd) wrote.push(write(o.vcd, sim.toVCD()));
    if (o.svg) wrote.push(write(o.svg, sim.toSVG()));
  } catch (e) {
    failure = failure || (e as Error).message;
  }
  var lines = summary(r.state, { realMs: io.now() - start, stopped: stopped, consoleLines: sim.console.length, errors: sim.errors, wrote: wrote });
  var pinsEnd = lines.indexOf("console: " + (sim.console.length === 1 ? "1 line" : sim.console.length + " lines"));
  uartTraffic(sim).forEach(function (u, i) {
    lines.splice(pinsEnd + i, 0, "  " + u.port + "  got " + bytes(u.received) + ", wrote " + bytes(u.written));
  });
  io.out(lines.join("\n") + "\n");
  if (failure) io.err(failure + "\n");
  if (failure && /^--(press|send) /.test(failure)) return EXIT.USAGE;
  if (failure || sim.errors.length) return EXIT.FAILED;
  return EXIT.OK;
}

/** "press(D3) at 1000 ms: ..." as "--press D3@1s: press(D3) at 1000 ms: ...", naming the option at fault. */
function pressFailure(presses: PressSpec[], message: string): string {
  var m = /^press\((\w+)\) at ([\d.]+) ms/.exec(message), i: number, p: PressSpec, t: number;
  for (i = 0; m && i < presses.length; i++) {
    p = presses[i];
    t = parseFloat(m[2]);
    // 100 ms: press()'s default hold.
    if (p.pin === m[1] && t >= p.at && t <= p.at + (p.holdMs !== undefined ? p.holdMs : 100) + (p.bounceMs || 0)) return "--press " + p.text + ": " + message;
  }
  return message;
}

/** "3 chunks (42 bytes)" */
function bytes(chunks: [number, string][]): string {
  var n = 0;
  chunks.forEach(function (c) {
    n += c[1].length;
  });
  return (chunks.length === 1 ? "1 chunk" : chunks.length + " chunks") + " (" + (n === 1 ? "1 byte" : n + " bytes") + ")";
}

/** When a pin last changed or the firmware last printed (ms). */
function lastActivity(sim: Sim): number {
  var last = sim.console.length ? sim.console[sim.console.length - 1].t : 0;
  sim._trace().forEach(function (t) {
    if (t > last) last = t;
  });
  return last;
}

function write(file: string, text: string): string {
  fs.writeFileSync(file, text);
  return file + " (" + String(Buffer.byteLength(text)).replace(/\B(?=(\d{3})+(?!\d))/g, ",") + " bytes)";
}

/** An exception thrown while the app's module loaded (before its first wait), at its first TypeScript line outside ristretto's own src/. */
function loadError(app: string, e: unknown): string {
  var text = String((e as Error) && (e as Error).message !== undefined ? (e as Error).message : e);
  if (/^App ".*" not found/.test(text)) return text + ". Run npm run compile to build it.";
  var re = /\(?((?:\/|[A-Za-z]:)[^():\s]*\.ts):(\d+):(\d+)\)?/g, m: RegExpExecArray | null, where = "", own = path.join(ROOT, "src") + path.sep;
  var stack = String((e as Error) && (e as Error).stack);
  while ((m = re.exec(stack))) {
    var at = path.relative(process.cwd(), m[1]) + ":" + m[2] + ":" + m[3];
    if (!where) where = at;
    if (m[1].indexOf(own) !== 0) {
      where = at;
      break;
    }
  }
  return app + " raised an exception as it loaded" + (where ? ", at " + where : "") + ": " + text;
}
