// The artifact run: the bundle built for a board, the exact bytes that would
// be flashed, in QuickJS (quickjs-emscripten), with that board's runtime
// globals (runtime/espruino.ts, kaluma.ts, sim.ts) bound to a virtual board
// and clock, and a memory limit from the board's profile. Scripted inputs,
// traces and exports are SimBase's, as for the Node simulation (create-sim.ts).
// Several can run at once: each has its own board, clock and sandbox. Host only.
//
// The runtime's event loop, in virtual time: a timer or a watch calls into
// the sandbox, then pending promise jobs run; a watch triggered by the
// program itself (it writes a pin it watches) is queued until the program
// returns, as the device queues the event. An exception that escapes is
// printed as the runtime prints it and recorded in `errors`; running out of
// memory, or running too long without returning, stops the program (its
// timers go; the trace so far stays).

import fs = require("fs");
import path = require("path");
import type { QuickJSWASMModule } from "quickjs-emscripten";
import { loadBoard } from "../build/boards";
import { expandTokens, FIRST_TOKEN, hasTokens, TOKENS } from "../build/espruino-tokens";
import type { BoardProfile } from "../build/board-profile";
import type { Trace } from "../hal/trace";
import { SimUarts } from "../hal/sim-uart";
import type { UartWire } from "../hal/sim-uart";
import { BundleBoard } from "./runtime/board";
import { expandCodes } from "./runtime/error-codes";
import { espruino } from "./runtime/espruino";
import { kaluma } from "./runtime/kaluma";
import { PRELUDE } from "./runtime/runtime";
import type { MemoryBudget, Runtime, RuntimeHost } from "./runtime/runtime";
import { OUT_OF_MEMORY, Sandbox, SandboxFunction, isSandboxError } from "./runtime/sandbox";
import type { Thrown } from "./runtime/sandbox";
import { sim } from "./runtime/sim";
import { sourceLines } from "./runtime/source-map";
import type { Timers } from "./runtime/timers";
import { SimBase } from "./sim-base";
import type { PressOptions, SimError, SimUart } from "./sim-base";
import { VirtualClock } from "./virtual-clock";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/sim
var RUNTIMES: { [runtime: string]: Runtime } = { espruino: espruino, kaluma: kaluma, sim: sim };

/** What ristretto's loop prints for an exception no task retrieved (src/core/loop.ts, report). */
var LOOP_ERROR = /^(Task exception wasn't retrieved|exception handler failed)( \(task [^)]*\))?: /;

export interface BundleOptions {
  /**
   * The memory the program may use, in memory()'s unit (Espruino variables,
   * bytes of JerryScript heap on Kaluma). Default: the board's (its profile's
   * memory.variables; Kaluma's heap). Infinity: no limit.
   */
  memoryLimit?: number;
  /** Called with each console line as it is printed (the lines are in `console` too). */
  print?: (line: string) => void;
  /** The bundle's file: it names the code in stack traces, and its .map, if there, gives the TypeScript line of an error. */
  file?: string;
  /** Real time (ms) the program may run without returning to the runtime before it is stopped as an endless loop (default 10000). */
  busyLimitMs?: number;
}

export interface BundleMemory {
  /** Used by the program (its code too), estimated from QuickJS's allocations: see the runtime's budget (runtime/espruino.ts, kaluma.ts). */
  used: number;
  limit: number;
  unit: "variables" | "bytes";
}

interface Deferred {
  fn: SandboxFunction | string;
  args: unknown[];
  what: string;
}

/** A built bundle running on a virtual board: see loadBundle(). */
export class BundleSim extends SimBase implements RuntimeHost {
  readonly clock = new VirtualClock();
  readonly pins: BundleBoard;
  readonly uarts: SimUarts;
  readonly runtime: Runtime;
  /** The program was stopped (out of memory, or busy too long): its timers are gone and no callback runs; eval() still works. */
  stopped = false;
  _box: Sandbox;
  _timers: Timers;
  _budget: MemoryBudget;
  /** QuickJS's memory count once the globals were in, before the bundle. */
  _base: { blocks: number; size: number };
  /** What QuickJS counts against its limit per allocation (8 where it cannot tell sizes). */
  _unit: number;
  _file: string;
  _where: (stack: string) => string;
  /** The error the loop printed last, until the next line (which may say where it was thrown). */
  _loopError: SimError | undefined;
  _onPrint: ((line: string) => void) | undefined;
  _busyMs: number;
  _deadline = 0;
  /** Calls into the sandbox under way (a host function can trigger a watch while the program runs). */
  _depth = 0;
  _queue: Deferred[] = [];
  _disposed = false;

  constructor(board: BoardProfile, mod: QuickJSWASMModule, options: BundleOptions) {
    super(board);
    var self = this, rt = RUNTIMES[board.runtime];
    if (!rt) throw new Error("No runtime for " + board.id + ': its profile says runtime "' + board.runtime + '"; the simulator has ' + Object.keys(RUNTIMES).join(", "));
    this.runtime = rt;
    this.pins = new BundleBoard(this.clock);
    this.uarts = new SimUarts(function () {
      return self.clock.now();
    });
    this._file = options.file ? path.basename(options.file) : "bundle.js";
    this._where = sourceLines(options.file, this._file, ROOT);
    this._onPrint = options.print;
    this._busyMs = options.busyLimitMs || 10000;
    var box = (this._box = new Sandbox(mod)), inst = rt.install(this);
    this._timers = inst.timers;
    Object.keys(inst.functions).forEach(function (name) {
      box.define(name, inst.functions[name]);
    });
    Object.keys(inst.values).forEach(function (name) {
      box.set(name, inst.values[name]);
    });
    box.define("__out", function (args) {
      self.print(String(args[0]));
    });
    box.define("__now", function () {
      return self.clock.now();
    });
    box.run(PRELUDE, "prelude.js");
    if (inst.prelude) box.run(inst.prelude, "runtime.js");
    this._base = box.usage();
    this._unit = this._base.size / this._base.blocks;
    this._budget = rt.budget(board);
    if (options.memoryLimit !== undefined) {
      this._budget.limit = options.memoryLimit;
      this._budget.source = "the memoryLimit option";
    }
    box.interruptWhen(function () {
      return self._depth > 0 && Date.now() > self._deadline;
    });
  }

  /**
   * Runs the bundle's top level, as the device does when it is loaded. The
   * limit applies once it has run: QuickJS's parser needs about twice the
   * memory the code keeps (the device runs the text as it reads it), so what
   * the top level leaves in use is checked against the budget instead.
   */
  _load(code: string): void {
    var box = this._box, file = this._file, b = this._budget, limit = b.limit === Infinity ? -1 : this._base.size + Math.ceil(b.limit / b.perBlock) * this._unit;
    this._enter(function () {
      box.run(code, file);
    }, "the bundle's top level");
    box.limit(limit);
    if (limit >= 0 && box.usage().size > limit) this._stop(this._overBudget() + ": its top level leaves " + this.memory().used + " " + b.unit + " in use", undefined);
  }

  now(): number {
    return this.clock.now();
  }

  /** Lets `ms` of virtual time pass, at once, deadline to deadline. A failed scripted input rejects it. */
  advance(ms: number): Promise<void> {
    try {
      this._alive("advance()");
      if (!(ms >= 0)) throw new Error("advance(ms): expected a number of milliseconds >= 0, got " + ms);
      this.clock.advance(ms);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Evaluates `code` in the program's sandbox, at the virtual time now, and
   * gives its value (as JSON would carry it). What it throws is thrown as a
   * host Error with the engine's name and message ("ReferenceError: 'x' is
   * not defined"); `thrown` on it holds the value and QuickJS's stack.
   */
  eval(code: string, file?: string): unknown {
    this._alive("eval()");
    var first = this._depth++ === 0;
    if (first) this._deadline = Date.now() + this._busyMs;
    try {
      var v = this._box.run(code, file || "eval.js");
      this._box.jobs();
      return v;
    } catch (e) {
      if (isSandboxError(e) && e.thrown.outOfMemory) e.message = this._overBudget();
      if (isSandboxError(e) && e.thrown.interrupted) e.message = this._busy("eval()");
      throw e;
    } finally {
      this._depth--;
      if (first) this._drain();
    }
  }

  /** The memory the program uses, and its limit, in the board's unit (see BundleOptions.memoryLimit). */
  memory(): BundleMemory {
    var u = this._box.usage(), b = this._budget;
    return { used: Math.max(0, Math.round(((u.size - this._base.size) / this._unit) * b.perBlock)), limit: b.limit, unit: b.unit };
  }

  /** Frees the sandbox; the simulation cannot run on (its trace and console stay readable). */
  dispose(): void {
    if (this._disposed) return;
    this._disposed = this.stopped = true;
    this._queue = [];
    this._timers.removeAll(true);
    this._box.dispose();
  }

  /** As SimBase's (doubleClick() too), but a bundle for the sim board has its pins out of reach. */
  override press(name: string, options?: PressOptions): void {
    this._pinsOutside();
    super.press(name, options);
  }

  override uart(name: string): SimUart {
    this._pinsOutside();
    return super.uart(name);
  }

  override setAnalog(name: string, value: number, at?: number): void {
    this._pinsOutside();
    super.setAnalog(name, value, at);
  }

  // RuntimeHost: what the runtime's globals call.

  print(text: string): void {
    var t = this.clock.now(), m = LOOP_ERROR.exec(text), last = this.errors[this.errors.length - 1];
    this._line(text);
    // The loop prints where the error it caught was thrown on the line after it (core/loop.ts, report).
    if (text.indexOf("    at ") === 0 && last && last === this._loopError) {
      var where = this._where(text);
      if (where) last.message = last.message.replace(/: /, " at " + where + ": "); // as createSim words it
    }
    this._loopError = undefined;
    if (!m) return;
    if (text.indexOf(OUT_OF_MEMORY) >= 0) this._stop(this._overBudget() + ". " + text, text);
    else this.errors.push((this._loopError = { t: t, message: text, exception: text.slice(m[0].length) }));
  }

  error(text: string): void {
    this._line(text);
    this.errors.push({ t: this.clock.now(), message: this.runtime.name + " printed: " + text, exception: text });
  }

  invoke(fn: SandboxFunction | string, args: unknown[], what: string): boolean {
    if (this.stopped) return false;
    if (this._depth > 0) {
      // Triggered by the running program: the runtime runs it once the program returns.
      this._queue.push({ fn: fn instanceof SandboxFunction ? new SandboxFunction(this._box, fn._h).keep() : fn, args: args, what: what });
      return true;
    }
    return this._call(fn, args, what);
  }

  // SimBase: the virtual board.

  _trace(): Trace {
    return this.pins.trace;
  }

  _level(pin: string): boolean {
    return this.pins.level(pin);
  }

  _isOutput(pin: string): boolean {
    return this.pins._pin(pin).mode === "output";
  }

  _drive(pin: string, level: boolean | undefined): void {
    this.pins.drive(pin, level);
  }

  _setAnalog(pin: string, value: number): void {
    this.pins.setAnalog(pin, value);
  }

  _at(t: number, fn: () => void): void {
    this.clock.setInput(fn, t);
  }

  _wire(name: string): UartWire {
    return this.uarts.port(name);
  }

  // Inside.

  _call(fn: SandboxFunction | string, args: unknown[], what: string): boolean {
    var box = this._box;
    return this._enter(function () {
      if (typeof fn === "string") box.run(fn, "timer.js");
      else fn.call(args);
    }, what);
  }

  /** Runs `body` (a call into the sandbox) and the promise jobs it leaves; false if it threw (reported). */
  _enter(body: () => void, what: string): boolean {
    if (this.stopped) return false;
    var first = this._depth++ === 0;
    if (first) this._deadline = Date.now() + this._busyMs;
    try {
      body();
      this._box.jobs();
      return true;
    } catch (e) {
      if (!isSandboxError(e)) throw e;
      this._uncaught(e.thrown, what);
      return false;
    } finally {
      this._depth--;
      if (first) this._drain();
    }
  }

  /** Runs the callbacks the program triggered while it ran. */
  _drain(): void {
    var d: Deferred | undefined;
    while ((d = this._queue.shift())) {
      if (!this.stopped) this._call(d.fn, d.args, d.what);
      if (d.fn instanceof SandboxFunction) d.fn.release();
    }
  }

  _uncaught(t: Thrown, what: string): void {
    var where = this._where(t.stack), at = where ? " at " + where : "";
    this._line(this.runtime.uncaught(t.text));
    if (t.outOfMemory) this._stop(this._overBudget() + " (in " + what + at + ")", t.value);
    else if (t.interrupted) this._stop(this._busy(what + at), t.value);
    else this.errors.push({ t: this.clock.now(), message: "Uncaught exception in " + what + at + ": " + expandCodes(t.text), exception: t.value });
  }

  /** Stops the program: its timers go, no callback runs any more. */
  _stop(message: string, exception: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this._timers.removeAll(true);
    this.errors.push({ t: this.clock.now(), message: message + "; the simulation stopped the program", exception: exception });
  }

  _overBudget(): string {
    var b = this._budget, board = this.board;
    return "Out of memory on " + board.id + " (" + board.name + "): the program needs more than its " + b.limit + " " + b.unit + " (" + b.source + ")";
  }

  _busy(what: string): string {
    return "Busy for more than " + this._busyMs + " ms of real time in " + what + " without returning to the runtime (an endless loop?)";
  }

  _line(text: string): void {
    this.console.push({ t: this.clock.now(), text: text });
    if (this._onPrint) this._onPrint(text);
  }

  _alive(what: string): void {
    if (this._disposed) throw new Error(what + ": this simulation was disposed");
  }

  _pinsOutside(): void {
    if (this.runtime === sim) {
      throw new Error("A bundle built for the sim board keeps its pins inside it (src/hal/sim.ts is in the bundle), out of the simulation's reach: build it for a board with a runtime (espruino-pico, pico) to script its inputs and see its pins");
    }
  }
}

var quickjs: Promise<QuickJSWASMModule> | undefined;

function quickjsModule(): Promise<QuickJSWASMModule> {
  var q: typeof import("quickjs-emscripten") = require("quickjs-emscripten");
  return quickjs || (quickjs = q.getQuickJS());
}

/**
 * Loads `code`, a bundle built for board `boardId` (boards/<id>.json), into
 * a fresh QuickJS sandbox with the globals of the board's runtime, and runs
 * its top level at virtual time 0, as the device runs it when it boots.
 * An exception it throws is in `errors`, not thrown here. For an Espruino
 * board `code` may be pretokenised, as `ristretto flash` writes it: it is
 * read as Espruino reads it.
 */
export function loadBundle(boardId: string, code: string, options?: BundleOptions): Promise<BundleSim> {
  return quickjsModule().then(function (mod) {
    var board = loadBoard(boardId, ROOT), s = new BundleSim(board, mod, options || {});
    s._load(board.runtime === "espruino" && hasTokens(code) ? expandTokens(code, TOKENS, FIRST_TOKEN) : code);
    return s;
  });
}

/** loadBundle() of a bundle file (dist/<app>.<board>.js); its .map gives TypeScript lines in errors. */
export function loadBundleFile(boardId: string, file: string, options?: BundleOptions): Promise<BundleSim> {
  try {
    var code = fs.readFileSync(file, "utf8");
  } catch (e) {
    return Promise.reject(e);
  }
  return loadBundle(boardId, code, Object.assign({}, options, { file: file }));
}
