// A task: a stack of coroutines that the loop runs, and the driver that runs it.
//
// States (`_state`), with what the other fields mean in each:
//
//   createTask ─► READY ──── parks at an await ───► WAITING
//                 ▲  │  ◄──── woken, or cancelled ─────┘
//        yields ──┘  └──── returns or raises ───► DONE
//
//   READY    in its loop's ready queue, or running (the loop's _current: no
//            state of its own, which every step would write). It resumes with
//            nothing, or with _value (raised if _error is 1) while it has an
//            _run of _steps (_resumeWith)
//   WAITING  parked on _on: the Task it awaits, the loop (sleeping), a
//            WaitList, or a token only its waker knows; _on._cancel(task),
//            when present, takes it off whatever list holds it
//   DONE     _value is the result or the exception; _error: 0 returned,
//            1 raised and not yet retrieved, 2 raised and retrieved
//
// Cost: one object of about seven fields per task, and the coroutine it was
// given, the bottom of its stack, which holds the body and its label;
// awaiting costs nothing beyond what the awaited thing keeps (a sleeping task
// is its own timer).

import { Coroutine, OP_AWAIT, OP_ERROR, OP_NEXT, OP_SLEEP, route, step } from "./coroutine";
import type { Frame, Instruction, Thenable } from "./coroutine";
import { DEV } from "./dev";
import { CancelledError, UsageError, describe } from "./errors";
import { ADOPT, AWAIT_TASK, AWAITS, FOREIGN, JUMPS, REUSE_CHECK, TRYS, WAITERS, YIELDS } from "./features";
import { deviceLoop } from "./loop";
import type { Loop } from "./loop";
import { awaitThenable, chainBody } from "./chain";
import { remove } from "./remove";
import { reportLater } from "./unretrieved";

import { DONE, READY, WAITING } from "./task-states";

/** Called with a task when it finishes (gather, taskGroup, shield). */
export type DoneCallback = (t: Task<any>) => void;

/** Something the driver awaits without a Promise. */
export interface Waitable {
  /** Called by the driver when `task` awaits this: parks the task where something will wake it and returns true (or
   *  push()'s length), or leaves the outcome in `task._value` / `task._error` and returns false to resume at once. */
  _aw(task: Task<any>): boolean | number;
}

export class Task<T = unknown> implements PromiseLike<T>, Waitable {
  declare _state: number;
  /** The frame on top of the task's stack: the coroutine it was given, or one that awaits; an own field, read every step. */
  declare _frame?: Frame;
  declare _on?: any;
  declare _value?: unknown;
  declare _error?: number;
  /** Tasks parked on this one, and done callbacks. */
  declare _waiters?: (Task<any> | DoneCallback)[];
  /** When a sleeping task is due (ms on its loop's clock). */
  declare _at: number;
  declare name?: string;
  /** The loop it runs on, on the host; a device has one, deviceLoop, and no field for it. */
  declare _loop: Loop;

  constructor(co: Coroutine, loop: Loop, name?: string) {
    if (DEV) this._loop = loop;
    if (AWAITS && REUSE_CHECK) co.label = 0; // its first step comes next; given away, awaiting it is an error (no longer -1)
    this._frame = co; // the bottom of the task's stack, where the coroutine's own state is (a hand-written one's too: gather.ts)
    this._run = DRIVE; // own, as the loop calls it every step: 3,400 instructions, not 9,300 up the prototype
    if (DEV && name !== undefined) this.name = name;
  }

  done(): boolean {
    return this._state === DONE;
  }

  /** The task's return value; raises its exception; an error if not done. */
  result(): T {
    if (DEV && this._state !== DONE) {
      throw new UsageError("E_TASK_PENDING", "result() of " + taskName(this) + " was asked before it finished: await the task instead");
    }
    if (this._error) {
      this._error = 2;
      throw this._value;
    }
    return this._value as T;
  }

  /**
   * Raises CancelledError at the await where the task is suspended (or at its
   * start, if it has not started). A task awaiting another task passes the
   * cancellation on to it, as uasyncio does. Returns false if already done.
   * Not from inside the task itself.
   */
  cancel(): boolean {
    if (this._state === DONE) return false;
    var t: Task<any> = this, on: any;
    while (AWAIT_TASK && t._state === WAITING && t._on instanceof Task) t = t._on;
    if (t === (DEV ? t._loop : deviceLoop)._current) {
      throw new UsageError("E_CANCEL_SELF", "a task cannot cancel itself (" + taskName(t) + "): raise CancelledError or return instead");
    }
    if (t._state === WAITING) {
      on = t._on;
      if (on._cancel) on._cancel(t);
      t._wake(on, new CancelledError(), 1);
    } else t._resumeWith(new CancelledError(), 1); // READY: already queued, it resumes with this instead
    return true;
  }

  declare then: Thenable<T>["then"]; // then() and catch() are shared by every awaitable (set in tslib.ts)
  declare catch: Thenable<T>["catch"];
  declare _aw: (w: Task<any>) => boolean; // awaiting a task waits for it to finish and gives its outcome (set below, where AWAIT_TASK)

  /** Registers a parked task or a callback to hear of this task's end. */
  _onDone(x: Task<any> | DoneCallback): void {
    (this._waiters || (this._waiters = [])).push(x);
  }

  /** Takes a waiter (one that is cancelled) or a done callback off the list. */
  _cancel(x: Task<any> | DoneCallback): void {
    remove(this._waiters, x);
  }

  _park(on: any): void {
    this._state = WAITING;
    this._on = on;
  }

  /** Wakes the task if it is still parked on `on`, to resume with `v` (raised if err is 1); a stale wake is ignored. Any context. */
  _wake(on: any, v: unknown, err: number): boolean {
    if (this._state !== WAITING || this._on !== on) return false;
    this._on = undefined;
    this._state = READY;
    if (v !== undefined || err) this._resumeWith(v, err);
    (DEV ? this._loop : deviceLoop)._soon(this);
    return true;
  }

  /** Timer expiry, from the loop's run: a sleeping task, parked on its loop, is ready (as _wake, two calls fewer; _on is read only while WAITING). */
  _fire(): void {
    this._state = READY;
    (DEV ? this._loop : deviceLoop)._ready.push(this);
  }

  /**
   * The driver, called by the loop: runs the task until it parks or finishes. The hot path,
   * short as Espruino reads a function's text on every call, the text it skips too: a task
   * resumed with nothing (a sleep, a yield, a wake-up) steps its top coroutine and sleeps, a
   * yield without a call; an await and the rest are _steps()'s (a task woken with a value or an
   * exception runs that instead). An await here as well cost a switch 7% and the talk 52 B, and
   * saved an await nothing (Round 24 in docs/lean-core-history.md).
   */
  _run(): void {
    var r: Instruction; // the one local: on Espruino each costs every call 2,500 instructions (locals for _frame and r[1]: +2.3% a switch)
    try {
      r = DEV ? step(this._frame!, undefined) : this._frame!._body!(this._frame!);
    } catch (e) {
      r = [OP_ERROR, e];
    }
    if (r[0] === OP_SLEEP) {
      if (!YIELDS || (r[1] as number) > 0) (DEV ? this._loop : deviceLoop)._sleep(this, r[1] as number); // r[1] twice: a yield writes no local (1% a switch)
      else (DEV ? this._loop : deviceLoop)._ready.push(this); // a yield, as _sleep() does: without a call
    } else this._steps(this._frame, r); // the body ran in _frame: it is still the frame r came from
  }

  /**
   * Runs the task's stack until it parks or finishes, from the instruction
   * `r` its top coroutine `co` gave, or by resuming the top one with _value
   * (with _error, through its try regions instead of into the body). Awaiting
   * a coroutine pushes it, its end pops it: iterative at any depth.
   */
  _steps(co?: Frame, r?: Instruction): void {
    var v: unknown, a: any;
    if (!co) this._run = DRIVE; // called as _resumeWith's _run: the short path again
    for (;;) {
      if (!r) {
        co = this._frame!;
        // A parked task keeps no fields it does not need.
        v = this._value;
        if (v !== undefined) delete this._value;
        if (this._error) {
          delete this._error;
          r = [OP_ERROR, v]; // through the try regions, without running the body
        } else {
          try {
            r = DEV ? step(co, v) : co._body!(co, v);
          } catch (e) {
            r = [OP_ERROR, e];
          }
        }
      }
      if (AWAITS && r[0] === OP_AWAIT) {
        if (DEV) co!.label++;
        a = r[1];
        if (!a || !(a._aw || (FOREIGN && typeof a.then === "function"))) {
          r = [OP_ERROR, new UsageError("E_NOT_AWAITABLE", "await expects a coroutine, a Task or a thenable, got " + describe(a))];
          continue; // raised at the await, through the coroutine's try regions, as its own exceptions are
        }
        if (FOREIGN && !a._aw ? awaitThenable(this, a) : a._aw(this)) return; // parked; else it resumes at once, with what _aw left
      } else if (r[0] === OP_SLEEP) return (DEV ? this._loop : deviceLoop)._sleep(this, r[1] as number); // after OP_AWAIT: Espruino skips the loop's text after a return
      else if ((TRYS || JUMPS) && (r = route(co!, r))[0] === OP_NEXT) this._value = r[1]; // run the body again at the label route() set
      else if (!this._ended(co!, r[1], r[0] === OP_ERROR)) return;
      r = undefined; // resume the coroutine on top, which may be another now
    }
  }

  /** The task resumes with `v` (raised if err is 1) instead of nothing: until it runs, its _run goes to _steps(), which takes it. */
  _resumeWith(v: unknown, err: number): void {
    this._value = v; // never undefined here, but for a task woken to raise undefined
    if (err) this._error = err;
    this._run = this._steps;
  }

  /** The top coroutine returned `v` (raised it if `err`): false if that ended the task, else true (the one now on top resumes with _value / _error). */
  _ended(co: Frame, v: unknown, err: boolean): boolean {
    var a = v as any, p = co._parent;
    if (ADOPT && !err && a != null && (a._aw || (FOREIGN && typeof a.then === "function"))) {
      // `return promise` in an async function adopts it, as in JavaScript: the finished coroutine, still on top of
      // the stack with its parent, goes on as one that awaits it (its try regions all left by the return).
      co._body = chainBody(v);
      co.label = 0;
      return true;
    }
    if (AWAITS && p) {
      this._value = v;
      if (err) this._error = 1;
      this._frame = p;
      return true;
    }
    this._finish(v, err ? 1 : 0);
    return false;
  }

  _finish(v: unknown, err: number): void {
    var w = this._waiters, i: number;
    this._state = DONE;
    delete this._frame; // and with it what the body's closure holds
    this._value = v;
    this._error = err;
    if (WAITERS && w && w.length) {
      this._waiters = undefined;
      if (err) this._error = 2;
      for (i = 0; i < w.length; i++) {
        if (AWAIT_TASK && typeof w[i] !== "function") (w[i] as Task<any>)._wake(this, v, err); // a task awaiting this one
        else (w[i] as DoneCallback)(this); // as the list's method: no done callback reads its `this`
      }
    } else if (err && !(v instanceof CancelledError)) reportLater(this);
  }
}

// _steps() reads _value and _error, which a task mostly lacks: on Espruino a property an object lacks is
// looked for up its prototype chain and among the built-ins (1.6 times a hit on the prototype), so the
// prototype holds their defaults, and a new task's state (its first park writes its own).
Task.prototype._value = undefined;
Task.prototype._error = 0;
Task.prototype._state = READY;
if (AWAIT_TASK) {
  // (A program where no code can hold a task to await, but gather's or taskGroup's, has no _aw.)
  Task.prototype._aw = function (this: Task<any>, w: Task<any>): boolean {
    if (this._state === DONE) {
      if (this._error) {
        this._error = 2;
        w._error = 1;
      }
      w._value = this._value;
      return false;
    }
    if (DEV && this === w) {
      w._value = new UsageError("E_AWAIT_SELF", taskName(w) + " awaits itself and would wait forever");
      w._error = 1;
      return false;
    }
    this._onDone(w);
    w._park(this);
    return true;
  };
}
var DRIVE = Task.prototype._run; // the driver: a task's own _run (constructor)

export function taskName(t: Task<any>): string {
  return t.name ? "task " + t.name : "a task";
}
