// A coroutine: one call of an async function, as the state machine TypeScript
// emits for ES5, and the code that runs that state machine.
//
// TypeScript's emitted body is `function (_a) { switch (_a.label) { ... } }`.
// It reads and writes `label`, calls `_a.sent()` right after each resume and
// `_a.trys.push([try, catch, finally, end])` on entering a try; it returns an
// instruction `[op, value]`: 2 return, 3 jump to label, 4 await, 7 end of a
// finally block (op 6, "an exception is propagating", is the driver's own).
// Those names are therefore fixed; the driver's own fields start with `_`.
//
// Memory: a coroutine is one object with two or three fields plus the body
// closure TypeScript creates. No Promise, no closures of ours, no arrays
// unless the function has a try block.

import { AWAIT, RETURN, THROW } from "./frame";
import type { Frame } from "./frame";
import { UsageError } from "./errors";
import { createTask } from "./task";
import type { Task } from "./task";

type Instruction = [number, unknown?];
type Body = (this: unknown, state: Coroutine) => Instruction;
/** A try region: [tryLabel, catchLabel?, finallyLabel?, endLabel]. */
type Region = (number | undefined)[];

// What the next `sent()` gives the body: the resumed value, or (sentThrows)
// an exception to raise at the await. Set just before the body is called;
// only one body runs at a time.
var sentThrows = false;
var sentValue: unknown;
// The coroutine whose body is running, for NO_TRYS below. Restored on the way
// out of _resume, as a body may run another loop (a simulator inside a test).
var running: Coroutine | undefined;

// Most async functions have no try block, so `trys` is not an own field until
// the first `_a.trys.push(...)`: until then `trys` is this shared object from
// the prototype, and its push gives the running coroutine an array of its own.
var NO_TRYS = {
  length: 0,
  push: function (region: Region) {
    running!.trys = [region];
  },
};

export class Coroutine<T = unknown> implements Frame, PromiseLike<T> {
  /**
   * The state machine's label. Also: -1 created and not yet awaited or given
   * to a task (see debug.ts); -2 given to a task that has not started it.
   */
  label: number;
  declare trys: Region[];
  declare _p?: Frame;
  /** Completions waiting for a finally block to end: [op, value] pairs. */
  declare _o?: Instruction[];
  /** The body's `this`, when it has one. */
  declare _t?: unknown;
  /** The creating function's name, set by host tooling only (debug.ts). */
  declare _n?: string;

  constructor(public _b: Body | null, thisArg: unknown) {
    this.label = -1;
    if (thisArg !== undefined) this._t = thisArg;
  }

  /** Gives the body the value (or raises the exception) it was resumed with. */
  sent(): unknown {
    var v = sentValue;
    sentValue = undefined;
    if (sentThrows) throw v;
    return v;
  }

  /** Awaiting a coroutine runs it inline, on top of the awaiting one. */
  _aw(task: Task): boolean {
    if (this.label !== -1) {
      task._v = new UsageError(
        "E_REUSED_COROUTINE",
        "this coroutine was already awaited or given to a task: call the async function again for a new one",
      );
      task._e = 1;
      return false;
    }
    this._p = task._c!;
    task._c = this;
    task._v = undefined;
    task._e = 0;
    return false;
  }

  _resume(v: unknown, err: number, task: Task): number {
    var op: number, arg: unknown, t: Region | undefined, ts: Region[], r: Instruction;
    var body = this._b, outer = running;
    if (this.label < 0) {
      // Thrown into before it started (a task cancelled before its first
      // step): like a Python coroutine, it ends without running any code.
      if (err || !body) {
        this._b = null;
        task._v = v;
        return THROW;
      }
      this.label = 0;
    }
    op = err ? 1 : 0;
    arg = v;
    for (;;) {
      if (op === 0 || op === 1) {
        sentThrows = op === 1;
        sentValue = arg;
      } else if (op === 4) {
        this.label++;
        task._v = arg;
        running = outer;
        return AWAIT;
      } else if (op === 7) {
        r = this._o!.pop()!;
        op = r[0];
        arg = r[1];
        this.trys.pop();
        continue;
      } else {
        // 2 return, 3 jump, 6 exception: find where the innermost try region sends it.
        ts = this.trys;
        t = ts.length ? ts[ts.length - 1] : undefined;
        if (!t && (op === 6 || op === 2)) {
          this._b = null;
          task._v = arg;
          running = outer;
          return op === 2 ? RETURN : THROW;
        }
        if (op === 3 && (!t || ((arg as number) > t[0]! && (arg as number) < t[3]!))) {
          this.label = arg as number;
        } else if (op === 6 && this.label < t![1]!) {
          this.label = t![1]!; // into the catch block, which reads the error with sent()
          sentThrows = false;
          sentValue = arg;
        } else if (this.label < t![2]!) {
          this.label = t![2]!; // into the finally block; the completion resumes after it
          (this._o || (this._o = [])).push([op, arg]);
        } else {
          if (t![2]) this._o!.pop(); // leaving a finally block abruptly drops its pending completion
          ts.pop();
          continue;
        }
      }
      running = this;
      try {
        r = body!.call(this._t, this);
        op = r[0];
        arg = r[1];
      } catch (e) {
        op = 6;
        arg = e;
      }
    }
  }

  /** Interop with Promise-minded code: starts the coroutine as a task. */
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Task<A | B> {
    return createTask(this).then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Task<T | B> {
    return createTask(this).then(undefined, onRejected);
  }
}
Coroutine.prototype.trys = NO_TRYS as unknown as Region[];
