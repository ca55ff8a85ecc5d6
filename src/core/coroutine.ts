// A coroutine: one call of an async function, as the state machine TypeScript
// emits for ES5, and advance(), which runs that state machine.
//
// TypeScript's emitted body is `function (_a) { switch (_a.label) { ... } }`.
// It reads and writes `label`, calls `_a.sent()` right after each resume and
// `_a.trys.push([try, catch, finally, end])` on entering a try; it returns an
// instruction `[op, value]` (the OP_ names below). Those names are therefore
// fixed; the driver's own fields start with `_`. After an await, the driver
// adds 1 to `label`; a device body sets the label it resumes at itself, in
// its await (`[4, x, _a.label = 2]`, src/build/async-lowering.ts).
//
// Memory: a coroutine is one object with two or three fields plus the body
// closure TypeScript creates. No Promise, no closures of ours, no arrays
// unless the function has a try block.

import { DEV } from "./dev";
import { UsageError } from "./errors";
import { AWAITS, FINALLY, REUSE_CHECK, TRYS } from "./features";
import type { Task } from "./task";

/** An instruction, as TypeScript's state machines return them. */
export type Instruction = [number, unknown?];
/** The state machine: TypeScript's, or a hand-written one (chain.ts); `sent` is what sent() gives. */
export type Body = (this: unknown, state: Frame, sent?: unknown) => Instruction;
/** A try region: [tryLabel, catchLabel?, finallyLabel?, endLabel]. */
export type Region = (number | undefined)[];

// The instructions (TypeScript's numbering; 1 and 5 are not emitted for async
// functions; OP_NEXT is route()'s: run the body again).
export var OP_NEXT = 0;
export var OP_RETURN = 2;
var OP_JUMP = 3;
export var OP_AWAIT = 4;
export var OP_ERROR = 6;
var OP_END_FINALLY = 7;
/** Ristretto's own: `await sleepMs(ms)` as the device build lowers it, `[8, ms]` (async-lowering.ts, rewrite 7). */
export var OP_SLEEP = 8;

// The coroutine whose body is running (step()), for sent() and NO_TRYS, which
// TypeScript's own output calls on the host. The device build rewrites those
// calls (src/build/async-lowering.ts): the body reads the value it was resumed
// with from its second argument, and enters a try region with _try(). An
// exception is never sent: the driver routes it (route(), below) without
// running the body, which TypeScript's sent() would raise at once.
var running: Frame | undefined;
var sentValue: unknown;

// Most async functions have no try block, so `trys` is not an own field until
// the first try region is entered. On the host it is until then this shared
// object from the prototype, whose push, which TypeScript's output calls,
// gives the coroutine an array of its own; a device bundle sets `trys` to a
// region in no other (async-lowering.ts, rewrite 3) and calls _try() for one
// inside another, and its frames have no `trys` until then (route() reads
// none as no region: 36 B a bundle with try regions).
var NO_TRYS: { length: number; push?: (region: Region) => void } = { length: 0 };
if (DEV) {
  NO_TRYS.push = function (region: Region) {
    running!.trys = [region];
  };
}

// `this` of a plain call in sloppy code: not worth a field (host only: a
// device body keeps its `this` in a variable of its function, async-lowering.ts).
var GLOBAL = (function (this: unknown) {
  return this;
})();

/**
 * What the driver runs: one call of an async function, a coroutine; the
 * frames of a task's stack (task.ts).
 */
export interface Frame {
  /**
   * The state machine's label: 0 before the first step. Also: -1 a coroutine
   * created and not yet awaited or given to a task (debug.ts reports those).
   * (A device bundle that awaits nothing, AWAITS off, gives a coroutine the
   * prototype's 0: only its task runs its body; so does one where every
   * coroutine is awaited or started where it is made, REUSE_CHECK off.)
   */
  label: number;
  trys: Region[];
  _body?: Body;
  /** The body's `this`, when it has one, passed by call(): host only (a device body keeps its own, src/build/async-lowering.ts). */
  _this?: unknown;
  /** The frame that awaits this one in the same task, while this one runs. */
  _parent?: Frame;
  /** Completions waiting for a finally block to end. */
  _pending?: Instruction[];
  _try(region: Region): void;
}

/** then() and catch() of coroutines and tasks: a task that awaits it and passes the outcome on (create-task.ts). */
export interface Thenable<T> {
  then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Task<A | B>;
  catch<B = never>(onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Task<T | B>;
}

export class Coroutine<T = unknown> implements PromiseLike<T>, Frame {
  declare label: number;
  declare trys: Region[];
  declare _parent?: Frame;
  declare _pending?: Instruction[];
  declare _this?: unknown;
  /** The creating function's name, set by host tooling only (debug.ts). */
  declare _name?: string;

  constructor(public _body: Body, thisArg?: unknown) {
    if (AWAITS && REUSE_CHECK) this.label = -1; // fresh; a program that awaits nothing never asks (its tasks take their bodies from it), nor does one that gives each away where it is made
    if (DEV && thisArg !== undefined && thisArg !== GLOBAL) this._this = thisArg; // a device body keeps its `this` itself
  }

  /** The value the body was resumed with (TypeScript's output; host only). */
  sent(): unknown {
    return sentValue;
  }

  /** Enters a try region (a device bundle's `_a.trys.push(region)`; below, as a bundle without any leaves it out). */
  declare _try: (region: Region) => void;

  /** Awaiting a coroutine runs it inline, on top of the awaiting one (set below, where AWAITS). */
  declare _aw: (task: Task<any>) => boolean;

  /** Interop with Promise-minded code: starts the coroutine in a task (set in tslib.ts). */
  declare then: Thenable<T>["then"];
  declare catch: Thenable<T>["catch"];
}
if (AWAITS) {
  Coroutine.prototype._aw = function (this: Coroutine, task: Task<any>): boolean {
    if (REUSE_CHECK && this.label !== -1) {
      task._value = new UsageError(
        "E_REUSED_COROUTINE",
        "this coroutine was already awaited or given to a task: call the async function again for a new one",
      );
      task._error = 1;
      return false;
    }
    if (REUSE_CHECK) this.label = 0; // its first step comes next (else it has the prototype's 0)
    this._parent = task._frame;
    task._frame = this;
    return false;
  };
}
if (!AWAITS || !REUSE_CHECK) Coroutine.prototype.label = 0; // its constructor gives it none: its first step comes next wherever it goes
if (TRYS) {
  if (DEV) Coroutine.prototype.trys = NO_TRYS as unknown as Region[];
  Coroutine.prototype._try = function (region: Region): void {
    if (DEV ? this.trys === NO_TRYS : !this.trys) this.trys = [region];
    else this.trys.push(region);
  };
}

/**
 * Runs a step of `co`'s body on the host, resumed with `v`: TypeScript's own
 * output reads `v` with sent() and the running coroutine's try regions
 * (NO_TRYS), so `co` is the running one meanwhile, and it takes its `this`
 * by call(). Host only: a device body reads both from its arguments and `co`
 * (src/build/async-lowering.ts). Nested steps restore the outer one.
 */
export function step(co: Frame, v: unknown): Instruction {
  var outer = running, outerSent = sentValue;
  running = co;
  sentValue = v;
  try {
    return co._this !== undefined ? co._body!.call(co._this, co, v) : co._body!(co, v);
  } finally {
    running = outer;
    sentValue = outerSent;
  }
}

/**
 * Follows a jump, return or exception through the coroutine's try regions:
 * gives the instruction that leaves the coroutine, or [OP_NEXT, value] to
 * run the body again at the label it set (a catch block reads the error
 * with sent()).
 */
export function route(co: Frame, r: Instruction): Instruction {
  var op: number, arg: unknown, ts: Region[], t: Region | undefined;
  if (!TRYS) {
    if (r[0] !== OP_JUMP) return r;
    co.label = r[1] as number;
    return [OP_NEXT];
  }
  for (;;) {
    op = r[0];
    arg = r[1];
    if (FINALLY && op === OP_END_FINALLY) {
      r = co._pending!.pop()!; // the completion the finally block held up
      co.trys.pop();
      continue;
    }
    ts = co.trys;
    t = ts && ts[ts.length - 1];
    if (op === OP_JUMP) {
      if (!t || ((arg as number) > t[0]! && (arg as number) < t[3]!)) {
        co.label = arg as number;
        return [OP_NEXT];
      }
    } else if (!t) {
      return r; // returns or raises out of the coroutine
    } else if (op === OP_ERROR && co.label < t[1]!) {
      co.label = t[1]!; // into the catch block
      return [OP_NEXT, arg];
    }
    if (FINALLY && co.label < t![2]!) {
      co.label = t![2]!; // into the finally block; the completion resumes after it
      (co._pending || (co._pending = [])).push(r);
      return [OP_NEXT];
    }
    if (FINALLY && t![2]) co._pending!.pop(); // leaving a finally block abruptly drops its pending completion
    ts.pop();
  }
}

/** True for a coroutine that was created and neither awaited nor given to a task. */
export function isFresh(c: any): c is Coroutine<any> {
  return c instanceof Coroutine && c.label === -1;
}
