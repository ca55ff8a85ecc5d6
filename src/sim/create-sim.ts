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
import { simBoard } from "../hal/sim";
import { simUarts } from "../hal/sim-uart";
import type { UartWire } from "../hal/sim-uart";
import type { Trace } from "../hal/trace";
import { selectBoard } from "./board-module";
import { SimBase } from "./sim-base";
import { VirtualClock } from "./virtual-clock";

/** The first frame of a stack that is in the firmware's own TypeScript. */
function sourceLine(e: unknown): string {
  var stack = String((e as Error) && (e as Error).stack), m = /\(?((?:\/|[A-Za-z]:)[^():\s]*\.ts):(\d+):(\d+)\)?/.exec(stack);
  return m ? path.relative(process.cwd(), m[1]) + ":" + m[2] + ":" + m[3] : "";
}

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/sim

/** The compiled module of an app: <app>/main.js or <app>.js, in the host build (.build/ of ristretto or of the project in the current folder) if the app is in the sources. */
function appModule(app: string): string {
  var p = path.resolve(app), tries = [p];
  // A project's sources compile to its .build/ (ristretto's own, or a project's made by `ristretto new`).
  [process.cwd(), ROOT].forEach(function (root) {
    var rel = path.relative(root, p);
    if (rel.indexOf("..") !== 0 && !path.isAbsolute(rel) && rel.split(path.sep)[0] !== ".build") tries.unshift(path.join(root, ".build", rel));
  });
  var files: string[] = [];
  tries.forEach(function (t) {
    files.push(path.join(t, "main.js"), t.replace(/\.(ts|js)$/, "") + ".js");
  });
  for (var i = 0; i < files.length; i++) if (fs.existsSync(files[i])) return files[i];
  throw new Error('App "' + app + '" not found: expected a firmware folder (its compiled main.js) or a .js module. Looked for ' + files.join(", "));
}

/** The firmware runs on the host, on the simulator's HAL (src/hal/sim.ts). */
export class Sim extends SimBase {
  readonly clock = new VirtualClock();
  readonly loop: Loop;

  constructor(boardId: string) {
    super(selectBoard(boardId));
    var self = this;
    simBoard.reset();
    simUarts.reset();
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
   * Its modules (those in its folder) load afresh, so no module state
   * carries over from an earlier start in this process (a test, --watch).
   */
  startApp(app: string): void {
    var file = appModule(app), dir = path.dirname(file) + path.sep;
    this._inside(function () {
      Object.keys(require.cache).forEach(function (k) {
        if (k.indexOf(dir) === 0) delete require.cache[k];
      });
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

  now(): number {
    return this.clock.now();
  }

  _trace(): Trace {
    return simBoard.trace;
  }

  _level(pin: string): boolean {
    return simBoard.level(pin);
  }

  _isOutput(pin: string): boolean {
    return simBoard._pin(pin).mode === "output";
  }

  _drive(pin: string, level: boolean | undefined): void {
    simBoard.drive(pin, level);
  }

  _setAnalog(pin: string, value: number): void {
    simBoard.setAnalog(pin, value);
  }

  _at(t: number, fn: () => void): void {
    this.clock.setInput(fn, t);
  }

  _wire(name: string): UartWire {
    return simUarts.port(name);
  }
}

/** A simulation of board `boardId` (boards/<id>.json), at virtual time 0. */
export function createSim(boardId?: string): Sim {
  return new Sim(boardId || "sim");
}
