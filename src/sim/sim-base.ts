// What every simulation offers, whatever runs the firmware: the firmware on
// the host (create-sim.ts) or a built bundle in QuickJS (bundle-sim.ts).
// Pins by the board's names, traces, scripted inputs (presses, double
// clicks, ADC values and ramps) and the waveform exports. Host only.

import { boardNames } from "../build/boards";
import type { BoardName } from "../build/boards";
import type { BoardProfile } from "../build/board-profile";
import type { Trace } from "../hal/trace";
import type { UartWire } from "../hal/sim-uart";
import { lanesOf } from "./lanes";
import type { Lane } from "./lanes";
import { toSVG } from "./svg";
import { toVCD } from "./vcd";

export interface PressOptions {
  /** When the press starts (virtual ms, not in the past). Default: now. */
  at?: number;
  /** How long it is held (default 100 ms). */
  holdMs?: number;
  /** The contact bounces for this long at each edge (default 0: clean edges). */
  bounceMs?: number;
}

export interface DoubleClickOptions extends PressOptions {
  /** From the first press to the second (default 200 ms). */
  gapMs?: number;
}

export interface RampOptions {
  /** When the ramp starts (virtual ms, not in the past). Default: now. */
  at?: number;
  /** The value at the start and at the end (0..1). */
  from: number;
  to: number;
  /** How long it takes (ms). */
  durationMs: number;
  /** How often the value changes (default every 10 ms). */
  stepMs?: number;
}

export interface SendOptions {
  /** When the first byte starts (virtual ms, not in the past). Default: now. */
  at?: number;
  /** Bytes per delivery to the firmware, as a real port hands them over (default 16). */
  chunk?: number;
  /** The line's speed; default: the baud rate the firmware opened the port at. */
  baud?: number;
}

/** A serial port of the simulated board, seen from the other end of the wire. */
export interface SimUart {
  name: string;
  /**
   * Sends `text` (a character per byte) to the firmware: bytes follow each
   * other at the baud rate (10 bits a byte), and each chunk is delivered at
   * the first whole millisecond after its last byte has arrived (a device's
   * loop reads its clock in whole milliseconds).
   */
  send(text: string, options?: SendOptions): void;
  /** [ms, bytes] for each write of the firmware, at the time it was handed to the transmitter. */
  written(): [number, string][];
  /** Everything the firmware wrote, joined. */
  text(): string;
  /** [ms, bytes] for each chunk delivered to the port (or lost: it was closed). */
  received(): [number, string][];
  /** Whether the firmware has the port open now. */
  isOpen(): boolean;
}

export interface ConsoleLine {
  t: number;
  text: string;
}

export interface SimError {
  t: number;
  /** "Task exception wasn't retrieved (task blink) at firmware/x/main.ts:12:5: Error: ..." */
  message: string;
  exception: unknown;
}

/** One pin as the simulation saw it. */
export interface SimPin {
  name: string;
  /** [ms, level (0/1) or analog value] for each change, in order. */
  trace(): [number, number][];
  /** The level now. */
  level(): boolean;
}

/**
 * Bytes on a wire as a lane: [ms, byte] at each byte's start, -1 when the line
 * goes idle. A received chunk's bytes end when it is delivered; written ones
 * start when handed over, or when the bytes before them have left.
 */
function byteLane(chunks: [number, string][], byteMs: number, received: boolean): [number, number][] {
  var out: [number, number][] = [], end = -Infinity, i: number, j: number, t: number, c: [number, string];
  for (i = 0; i < chunks.length; i++) {
    c = chunks[i];
    t = received ? c[0] - c[1].length * byteMs : Math.max(c[0], end);
    if (t > end + 1e-6 && out.length) out.push([end, -1]);
    for (j = 0; j < c[1].length; j++) out.push([t + j * byteMs, c[1].charCodeAt(j) & 255]);
    end = t + c[1].length * byteMs;
  }
  if (out.length) out.push([end, -1]);
  return out;
}

export abstract class SimBase {
  readonly board: BoardProfile;
  /** What the firmware printed, with the time. */
  readonly console: ConsoleLine[] = [];
  /** Exceptions no task retrieved, the main task's too (the console shows them, as on a device). */
  readonly errors: SimError[] = [];
  _names: { [name: string]: BoardName } = {};

  constructor(board: BoardProfile) {
    var self = this;
    this.board = board;
    boardNames(board).forEach(function (n) {
      self._names[n.name] = n;
    });
  }

  /** Virtual time now (ms). */
  abstract now(): number;
  /** Lets `ms` of virtual time pass, at once. A failed scripted input rejects it. */
  abstract advance(ms: number): Promise<void>;
  abstract _trace(): Trace;
  abstract _level(pin: string): boolean;
  abstract _isOutput(pin: string): boolean;
  abstract _drive(pin: string, level: boolean | undefined): void;
  abstract _setAnalog(pin: string, value: number): void;
  /** The wire of serial port `name` (a key of the profile's uarts). */
  abstract _wire(name: string): UartWire;
  /** Runs the input `fn` at virtual time `t`, before the firmware's code due then (so a read at `t` sees it). */
  abstract _at(t: number, fn: () => void): void;

  _name(name: string): BoardName {
    if (!this._names.hasOwnProperty(name)) {
      throw new Error('Unknown pin "' + name + '" on ' + this.board.id + " (" + this.board.name + "). Its pins: " + Object.keys(this._names).join(", "));
    }
    return this._names[name];
  }

  /** One lane per pin that changed, labelled with the board's name for it (LED1 rather than D8). */
  _lanes(): Lane[] {
    var labels: { [pin: string]: string } = {}, names = this._names;
    Object.keys(names).forEach(function (k) {
      var id = String(names[k].value);
      if (!labels[id]) labels[id] = k; // LEDs and buttons come before the pins' own names
    });
    return lanesOf(this._trace(), labels);
  }

  /** Two byte lanes per serial port that saw traffic, received (rx) and written (tx). */
  _uartLanes(): Lane[] {
    var self = this, out: Lane[] = [];
    Object.keys(this.board.uarts).forEach(function (name) {
      var w = self._wire(name);
      if (!w.baud || !(w.rx.length || w.tx.length)) return;
      if (w.rx.length) out.push({ label: name + "_rx", analog: false, bits: 8, points: byteLane(w.rx, 10000 / w.baud, true) });
      if (w.tx.length) out.push({ label: name + "_tx", analog: false, bits: 8, points: byteLane(w.tx, 10000 / w.baud, false) });
    });
    return out;
  }

  /** The trace as Value Change Dump text, for GTKWave or PulseView (timescale 1 µs): a lane per pin, and a byte lane per direction of each serial port. */
  toVCD(): string {
    return toVCD(this._lanes().concat(this._uartLanes()), this.board.id);
  }

  /** Serial port `name` of the board (SERIAL1, UART0): send to the firmware, read what it wrote. */
  uart(name: string): SimUart {
    var self = this, ports = Object.keys(this.board.uarts);
    if (ports.indexOf(name) < 0) throw new Error('Unknown serial port "' + name + '" on ' + this.board.id + " (" + this.board.name + "). Its serial ports: " + (ports.join(", ") || "none"));
    function wire(): UartWire {
      return self._wire(name);
    }
    return {
      name: name,
      send: function (text: string, options?: SendOptions) {
        var o = options || {}, what = "uart(" + name + ").send()", at = self._start(what, o.at), chunk = o.chunk || 16, baud = o.baud || wire().baud, i: number;
        if (!(baud > 0)) throw new Error(what + ": the firmware has not opened " + name + " yet, so its baud rate is unknown: give { baud }");
        if (!(chunk >= 1)) throw new Error(what + ": expected chunk >= 1 bytes, got " + chunk);
        var byteMs = 10000 / baud;
        for (i = 0; i < text.length; i += chunk) {
          (function (bytes: string, t: number) {
            self._at(t, function () {
              wire().deliver(bytes);
            });
          })(text.slice(i, i + chunk), Math.ceil(at + Math.min(text.length, i + chunk) * byteMs - 1e-6));
        }
      },
      written: function () {
        return wire().tx.slice();
      },
      text: function () {
        return wire()
          .tx.map((c) => c[1])
          .join("");
      },
      received: function () {
        return wire().rx.slice();
      },
      isOpen: function () {
        return wire().isOpen();
      },
    };
  }

  /** The trace as an SVG waveform, one lane per pin and per direction of a serial port, from 0 to now. */
  toSVG(): string {
    return toSVG(this._lanes().concat(this._uartLanes()), this.now(), this.board.name + " (" + this.board.id + "), 0 to " + this.now() + " ms");
  }

  pin(name: string): SimPin {
    var id = String(this._name(name).value), self = this;
    return {
      name: name,
      trace: function () {
        var out: [number, number][] = [];
        self._trace().forEach(function (t, pin, value) {
          if (pin === id) out.push([t, value]);
        });
        return out;
      },
      level: function () {
        return self._level(id);
      },
    };
  }

  _start(what: string, at: number | undefined): number {
    var t = at !== undefined ? at : this.now();
    if (!(t >= this.now())) throw new Error(what + ": at " + t + " ms is in the past: the simulation is at " + this.now() + " ms");
    return t;
  }

  /**
   * Presses a button (or any input pin) at `at` for `holdMs`, bouncing for
   * `bounceMs` at each edge. A board button is pressed at its active level;
   * released, it floats and its pull decides.
   */
  press(name: string, options?: PressOptions): void {
    var o = options || {}, n = this._name(name), id = String(n.value), self = this, what = "press(" + name + ")";
    var at = this._start(what, o.at), hold = o.holdMs !== undefined ? o.holdMs : 100, bounce = o.bounceMs || 0;
    if (!(hold > bounce)) throw new Error(what + ": holdMs (" + hold + ") must be longer than bounceMs (" + bounce + ")");
    var button = this.board.buttons[name], down = !(button && button.activeLow);
    function edge(t: number, level: boolean | undefined) {
      self._at(t, function () {
        if (self._isOutput(id)) throw new Error(what + " at " + t + " ms: " + n.pin + " is an output, not an input: the firmware drives it");
        self._drive(id, level);
      });
    }
    edge(at, down);
    if (bounce) {
      edge(at + bounce / 2, !down);
      edge(at + bounce, down);
      edge(at + hold, !down);
      edge(at + hold + bounce / 2, down);
      edge(at + hold + bounce, undefined);
    } else edge(at + hold, undefined);
  }

  /** Two presses `gapMs` apart (press to press), each as press() makes it. */
  doubleClick(name: string, options?: DoubleClickOptions): void {
    var o = options || {}, at = this._start("doubleClick(" + name + ")", o.at), gap = o.gapMs !== undefined ? o.gapMs : 200, hold = o.holdMs !== undefined ? o.holdMs : 80;
    if (!(gap > hold + (o.bounceMs || 0))) throw new Error("doubleClick(" + name + "): gapMs (" + gap + ") must be longer than holdMs plus bounceMs (" + (hold + (o.bounceMs || 0)) + ")");
    this.press(name, { at: at, holdMs: hold, bounceMs: o.bounceMs });
    this.press(name, { at: at + gap, holdMs: hold, bounceMs: o.bounceMs });
  }

  /** Sets what an ADC pin reads (0..1), now or at `at`. */
  setAnalog(name: string, value: number, at?: number): void {
    var n = this._name(name), id = String(n.value), self = this, what = "setAnalog(" + name + ")";
    if (n.caps.indexOf("adc") < 0) throw new Error(what + ": " + n.pin + " has no ADC on " + this.board.id + ". ADC pins: " + this._adcPins().join(", "));
    if (!(value >= 0 && value <= 1)) throw new Error(what + ": expected a value from 0 to 1, got " + value);
    this._at(this._start(what, at), function () {
      self._setAnalog(id, value);
    });
  }

  /** Moves an ADC pin's value from `from` to `to` in steps, as a sensor or a potentiometer would. */
  ramp(name: string, o: RampOptions): void {
    var at = this._start("ramp(" + name + ")", o.at), step = o.stepMs || 10, n = Math.max(1, Math.round(o.durationMs / step)), i: number;
    if (!(o.durationMs > 0)) throw new Error("ramp(" + name + "): expected durationMs > 0, got " + o.durationMs);
    for (i = 0; i <= n; i++) this.setAnalog(name, o.from + ((o.to - o.from) * i) / n, at + (o.durationMs * i) / n);
  }

  _adcPins(): string[] {
    var names = this._names;
    return Object.keys(names).filter(function (k) {
      return names[k].caps.indexOf("adc") >= 0;
    });
  }
}
