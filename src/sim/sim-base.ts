// What every simulation offers, whatever runs the firmware: the firmware on
// the host (create-sim.ts) or a built bundle in QuickJS (bundle-sim.ts).
// Pins by the board's names, traces, scripted inputs (presses, double
// clicks, ADC values and ramps) and the waveform exports. Host only.

import { boardNames } from "../build/boards";
import type { BoardName } from "../build/boards";
import type { BoardProfile } from "../build/board-profile";
import type { Trace } from "../hal/trace";
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

  /** The trace as Value Change Dump text, for GTKWave or PulseView (timescale 1 µs). */
  toVCD(): string {
    return toVCD(this._lanes(), this.board.id);
  }

  /** The trace as an SVG waveform, one lane per pin, from 0 to now. */
  toSVG(): string {
    return toSVG(this._lanes(), this.now(), this.board.name + " (" + this.board.id + "), 0 to " + this.now() + " ms");
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
