// ristretto/sim: a board in virtual time for tests and for trying firmware
// without hardware. The firmware runs on the host as it is (ristretto/io on
// the simulator's HAL), time jumps from deadline to deadline, and every pin
// change is recorded with its virtual time. Host only.
//
// One simulation at a time per process: the virtual board (src/hal/sim.ts)
// and the loop are the process's own, as they are a device's.

import fs = require("fs");
import path = require("path");
import { errorText } from "../core/errors";
import { Loop, setLoop } from "../core/loop";
import type { ExceptionContext } from "../core/loop";
import { createMainTask } from "../core/run";
import type { Task } from "../core/task";
import { boardNames } from "../build/boards";
import type { BoardName } from "../build/boards";
import type { BoardProfile } from "../build/board-profile";
import { simBoard } from "../hal/sim";
import { selectBoard } from "./board-module";
import { lanesOf } from "./lanes";
import type { Lane } from "./lanes";
import { toSVG } from "./svg";
import { toVCD } from "./vcd";
import { VirtualClock } from "./virtual-clock";

export interface PressOptions {
  /** When the press starts (virtual ms, not in the past). Default: now. */
  at?: number;
  /** How long it is held (default 100 ms). */
  holdMs?: number;
  /** The contact bounces for this long at each edge (default 0: clean edges). */
  bounceMs?: number;
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
  /** [ms, level (0/1) or PWM duty] for each change, in order. */
  trace(): [number, number][];
  /** The level now. */
  level(): boolean;
}

/** The first frame of a stack that is in the firmware's own TypeScript. */
function sourceLine(e: unknown): string {
  var stack = String((e as Error) && (e as Error).stack), m = /\(?((?:\/|[A-Za-z]:)[^():\s]*\.ts):(\d+):(\d+)\)?/.exec(stack);
  return m ? path.relative(process.cwd(), m[1]) + ":" + m[2] + ":" + m[3] : "";
}

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/sim

/** The compiled module of an app: <app>/main.js or <app>.js, in the host build (.build/) if the app is in the sources. */
function appModule(app: string): string {
  var p = path.resolve(app), rel = path.relative(ROOT, p), tries = [p];
  if (rel.indexOf("..") !== 0 && rel.split(path.sep)[0] !== ".build") tries.unshift(path.join(ROOT, ".build", rel));
  var files: string[] = [];
  tries.forEach(function (t) {
    files.push(path.join(t, "main.js"), t.replace(/\.(ts|js)$/, "") + ".js");
  });
  for (var i = 0; i < files.length; i++) if (fs.existsSync(files[i])) return files[i];
  throw new Error('App "' + app + '" not found: expected a firmware folder (its compiled main.js) or a .js module. Looked for ' + files.join(", "));
}

export class Sim {
  readonly board: BoardProfile;
  readonly clock = new VirtualClock();
  readonly loop: Loop;
  /** What the firmware printed, with the time. */
  readonly console: ConsoleLine[] = [];
  /** Exceptions no task retrieved, the main task's too (the console shows them, as on a device). */
  readonly errors: SimError[] = [];
  _names: { [name: string]: BoardName } = {};

  constructor(boardId: string) {
    var self = this;
    this.board = selectBoard(boardId);
    boardNames(this.board).forEach(function (n) {
      self._names[n.name] = n;
    });
    simBoard.reset();
    this.loop = new Loop(this.clock);
    this.loop._handler = function (ctx: ExceptionContext) {
      var what = ctx.message + (ctx.task && ctx.task.name ? " (task " + ctx.task.name + ")" : ""), where = sourceLine(ctx.exception), t = self.clock.now();
      self.console.push({ t: t, text: what + ": " + errorText(ctx.exception) }); // as the device prints it
      self.errors.push({ t: t, message: what + (where ? " at " + where : "") + ": " + errorText(ctx.exception), exception: ctx.exception });
    };
  }

  /** Runs `fn` as the firmware: on this simulation's loop, with its console captured. */
  _inside<T>(fn: () => T): T {
    var self = this, prev = setLoop(this.loop), log = console.log;
    console.log = function () {
      self.console.push({ t: self.clock.now(), text: [].slice.call(arguments).map(String).join(" ") });
    };
    try {
      return fn();
    } finally {
      console.log = log;
      setLoop(prev);
    }
  }

  /** Starts `main` (an async function or its coroutine) as the main task, and runs it to its first wait. */
  start<T>(main: PromiseLike<T> | (() => PromiseLike<T>)): Task<T> {
    var self = this;
    return this._inside(function () {
      var task = createMainTask(main); // its exception, if any, reaches the handler, as on a device
      self.loop._run();
      return task;
    });
  }

  /**
   * Loads a firmware app whose main module calls run(), as a device does at
   * boot: a folder (firmware/blink, its compiled main.js) or a .js module.
   */
  startApp(app: string): void {
    var file = appModule(app);
    this._inside(function () {
      delete require.cache[file];
      require(file);
    });
  }

  /** Lets `ms` of virtual time pass, at once. A failed scripted input rejects it. */
  advance(ms: number): Promise<void> {
    var clock = this.clock;
    return this._settle(function () {
      clock.advance(ms);
    });
  }

  /** Runs until no task waits on a timer (at most `maxWakeups`); an endless blink never gets idle. */
  runUntilIdle(maxWakeups?: number): Promise<void> {
    var clock = this.clock, max = maxWakeups || 1000000, n = 0;
    return this._settle(function () {
      while (clock.fireNext()) {
        if (++n > max) throw new Error("runUntilIdle: still busy after " + max + " wakeups at " + clock.now() + " ms: use advance(ms) for firmware that runs forever");
      }
    });
  }

  /** Runs `fn` inside the simulation, as a settled Promise. */
  _settle(fn: () => void): Promise<void> {
    try {
      this._inside(fn);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

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
    return lanesOf(simBoard.trace, labels);
  }

  /** The trace as Value Change Dump text, for GTKWave or PulseView (timescale 1 µs). */
  toVCD(): string {
    return toVCD(this._lanes(), this.board.id);
  }

  /** The trace as an SVG waveform, one lane per pin, from 0 to now. */
  toSVG(): string {
    return toSVG(this._lanes(), this.clock.now(), this.board.name + " (" + this.board.id + "), 0 to " + this.clock.now() + " ms");
  }

  pin(name: string): SimPin {
    var n = this._name(name), id = String(n.value);
    return {
      name: name,
      trace: function () {
        return simBoard.trace.filter((e) => e.pin === id).map((e) => [e.t, e.value] as [number, number]);
      },
      level: function () {
        return simBoard.level(id);
      },
    };
  }

  /**
   * Presses a button (or any input pin) at `at` for `holdMs`, bouncing for
   * `bounceMs` at each edge. A board button is pressed at its active level;
   * released, it floats and its pull decides.
   */
  press(name: string, options?: PressOptions): void {
    var o = options || {}, n = this._name(name), id = String(n.value), self = this;
    var at = o.at !== undefined ? o.at : this.clock.now(), hold = o.holdMs !== undefined ? o.holdMs : 100, bounce = o.bounceMs || 0;
    if (at < this.clock.now()) throw new Error("press(" + name + "): at " + at + " ms is in the past: the simulation is at " + this.clock.now() + " ms");
    if (!(hold > bounce)) throw new Error("press(" + name + "): holdMs (" + hold + ") must be longer than bounceMs (" + bounce + ")");
    var button = this.board.buttons[name], down = !(button && button.activeLow);
    function edge(t: number, level: boolean | undefined) {
      self.clock.setTimer(function () {
        var mode = simBoard._pin(id).mode;
        if (mode === "output") throw new Error("press(" + name + ") at " + t + " ms: " + n.pin + " is an output, not an input: the firmware drives it");
        simBoard.drive(id, level);
      }, t - self.clock.now());
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
}

/** A simulation of board `boardId` (boards/<id>.json), at virtual time 0. */
export function createSim(boardId?: string): Sim {
  return new Sim(boardId || "sim");
}
