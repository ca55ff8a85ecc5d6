// What a runtime shim is (espruino.ts, kaluma.ts, sim.ts): the globals a
// board's runtime gives bundles, as host functions bound to the simulation's
// virtual board and clock, and how much memory the board leaves a program.
// Host only.

import type { BoardProfile } from "../../build/board-profile";
import type { VirtualClock } from "../virtual-clock";
import type { SimUarts } from "../../hal/sim-uart";
import type { BundleBoard } from "./board";
import type { HostFunction, SandboxFunction } from "./sandbox";
import type { Timers } from "./timers";

/** What the globals reach on the host: the simulation that loaded the bundle. */
export interface RuntimeHost {
  board: BoardProfile;
  pins: BundleBoard;
  clock: VirtualClock;
  /** The wires of the board's serial ports, by the profile's names. */
  uarts: SimUarts;
  /** Prints a console line at the virtual time now. */
  print(text: string): void;
  /** An error the runtime prints without throwing (Espruino's "ERROR: ..."): on the console and in the errors. */
  error(text: string): void;
  /**
   * Calls a sandbox function (or evaluates code given as a string) from the
   * runtime's event loop, as a timer or a watch does; false if it threw (the
   * exception is reported, as the runtime prints it). Triggered while the
   * program runs, it is queued until the program returns (and gives true).
   */
  invoke(fn: SandboxFunction | string, args: unknown[], what: string): boolean;
}

/** The memory a board leaves a program, and what one QuickJS allocation stands for in it. */
export interface MemoryBudget {
  limit: number;
  unit: "variables" | "bytes";
  perBlock: number;
  /** Where the limit comes from, for the error: "memory.variables in boards/puckjs.json". */
  source: string;
}

/** A runtime's globals for one simulation. */
export interface Installed {
  functions: { [name: string]: HostFunction };
  /** Constants, the board's pin names. */
  values: { [name: string]: unknown };
  /** Its timers: a stopped program's are cleared. */
  timers: Timers;
  /** Sandbox code run once the functions and values are in (objects with methods: Serial1, require("uart")). */
  prelude?: string;
}

export interface Runtime {
  /** "Espruino" */
  name: string;
  /** The globals, bound to `host`. */
  install(host: RuntimeHost): Installed;
  /** What the runtime prints for an exception that nothing caught. */
  uncaught(text: string): string;
  budget(board: BoardProfile): MemoryBudget;
}

/** An Error as the runtime throws it (name and message reach the sandbox). */
export function runtimeError(name: string, message: string): Error {
  var e = new Error(message);
  e.name = name;
  return e;
}

/**
 * Sandbox code run after the globals: console and print as Node's
 * console.log joins its arguments (String() of each, as the Node simulation
 * prints them), and Date.now on the virtual clock. `__out` and `__now` are
 * host functions it takes and removes.
 */
export var PRELUDE = [
  "(function (g, out, now) {",
  "  function line() { var a = []; for (var i = 0; i < arguments.length; i++) a.push(String(arguments[i])); out(a.join(' ')); }",
  "  g.console = { log: line, info: line, warn: line, error: line, debug: line };",
  "  g.print = line;",
  "  Date.now = function () { return now(); };",
  "})(globalThis, __out, __now);",
  "delete globalThis.__out;",
  "delete globalThis.__now;",
].join("\n");
