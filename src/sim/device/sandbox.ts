// What the virtual device runs code in: a JavaScript sandbox with Espruino's
// runtime globals (print, setTimeout, getTime, digitalWrite...) and a virtual
// clock. The device adds the REPL's own globals (Storage, E, save, reset,
// load, process) by evaluating espruino-globals.ts in it, and talks to them
// only through eval, so any engine that evaluates scripts fits: the QuickJS
// sandbox beside this file, or the bundle simulator (bundle-sim.ts). Host only.

import type { BoardProfile } from "../../build/board-profile";

export interface Sandbox {
  /**
   * Evaluates `code` as a global script (top-level `var`, `let` and functions
   * stay) and gives its completion value as plain data (what
   * JSON.stringify keeps; a function as a SandboxFunction). Runs the
   * microtasks it queued. Throws an Error carrying the engine's message
   * ("ReferenceError: x is not defined") when the script throws. `file`
   * names the code in stack traces, as Espruino names code read from a
   * Storage file.
   */
  eval(code: string, file?: string): unknown;
  /** Lets `ms` of virtual time pass, firing the timers that fall due; what they throw is printed, not thrown. */
  advance(ms: number): void | Promise<void>;
  /** Bytes the engine uses, where it can say (process.memory() reports it in 16-byte blocks). */
  memory?(): number | undefined;
  dispose(): void;
}

export interface SandboxOptions {
  board: BoardProfile;
  /** Where print() and console.log() go: one call per printed line, without its newline. */
  print(line: string): void;
}

/** Makes a fresh sandbox: at power on, and at each reset() and load(). */
export type SandboxFactory = (options: SandboxOptions) => Promise<Sandbox>;

/** A function, as eval gives it: the REPL prints it as Espruino does, `function (a,b) { ... }`. */
export class SandboxFunction {
  constructor(readonly params: string[]) {}
}
