// A task: a stack of frames that the loop runs, and the driver that runs it.
//
// States (`_st`), with what the other fields mean in each:
//
//   createTask ─► READY ──step──► RUNNING ──parks at an await──► WAITING
//                   ▲  ▲             │  │                             │
//                   │  └── yields ───┘  └── returns or throws ─► DONE │
//                   └─────────────── woken, or cancelled ─────────────┘
//
//   READY    in its loop's ready queue; resumes with _v (thrown if _e is 1)
//   RUNNING  the loop's current task (at most one per loop)
//   WAITING  parked on _s: the Task it awaits, the loop (sleeping), a
//            WaitList, or a token only its waker knows; _s._cancel(task),
//            when present, takes it off whatever list holds it
//   DONE     _v is the result or the exception; _e: 0 returned,
//            1 raised and not yet retrieved, 2 raised and retrieved
//
// Cost: one object of about seven fields per task; awaiting costs nothing
// beyond what the awaited thing keeps (a sleeping task is its own heap node).

import { AWAIT, THROW } from "./frame";
import type { Frame, Waitable } from "./frame";
import { CancelledError, UsageError, describe } from "./errors";
import { getLoop } from "./loop";
import type { Loop } from "./loop";
import { Chain } from "./chain";

export var READY = 0;
export var RUNNING = 1;
export var WAITING = 2;
export var DONE = 3;

/** Called with a task when it finishes (gather, taskGroup, shield). */
export type DoneCallback = (t: Task<any>) => void;

export class Task<T = unknown> implements PromiseLike<T>, Waitable {
  _st: number;
  /** The frame on top of the stack; null once done. */
  _c: Frame | null;
  declare _s?: any;
  declare _v?: unknown;
  declare _e?: number;
  /** Tasks parked on this one, and done callbacks. */
  declare _w?: (Task<any> | DoneCallback)[];
  // Timer heap node fields (heap.ts): deadline, tie-break sequence, index.
  declare _d: number;
  declare _q: number;
  declare _h: number;
  declare name?: string;
  /** 1: cancel at the first await (a task group's child that had not started, as Trio does). */
  declare _x?: number;

  constructor(frame: Frame, public _l: Loop, name?: string) {
    this._c = frame;
    this._st = READY;
    if (name !== undefined) this.name = name;
  }

  done(): boolean {
    return this._st === DONE;
  }

  /** The task's return value; raises its exception; an error if not done. */
  result(): T {
    if (this._st !== DONE) {
      throw new UsageError("E_TASK_PENDING", "result() of " + taskName(this) + " was asked before it finished: await the task instead");
    }
    if (this._e) {
      this._e = 2;
      throw this._v;
    }
    return this._v as T;
  }

  /**
   * Raises CancelledError at the await where the task is suspended (or at its
   * start, if it has not started). A task awaiting another task passes the
   * cancellation on to it, as uasyncio does. Returns false if already done.
   * Not from inside the task itself.
   */
  cancel(): boolean {
    if (this._st === DONE) return false;
    var t: Task<any> = this;
    while (t._st === WAITING && t._s instanceof Task) t = t._s;
    if (t._st === RUNNING) {
      throw new UsageError("E_CANCEL_SELF", "a task cannot cancel itself (" + taskName(t) + "): raise CancelledError or return instead");
    }
    var err = new CancelledError();
    if (t._st === WAITING) {
      var on = t._s;
      if (on && on._cancel) on._cancel(t);
      t._s = undefined;
      t._l._schedule(t, err, 1);
    } else {
      t._v = err; // READY: already queued, it resumes with this instead
      t._e = 1;
    }
    return true;
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Task<A | B> {
    return spawn(new Chain(this, onFulfilled, onRejected), this._l);
  }

  catch<B = never>(onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Task<T | B> {
    return this.then(undefined, onRejected);
  }

  /** Awaiting a task waits for it to finish and gives its outcome. */
  _aw(w: Task<any>): boolean {
    if (this._st === DONE) {
      if (this._e) this._e = 2;
      w._v = this._v;
      w._e = this._e ? 1 : 0;
      return false;
    }
    if (this === w) {
      w._v = new UsageError("E_AWAIT_SELF", taskName(w) + " awaits itself and would wait forever");
      w._e = 1;
      return false;
    }
    this._onDone(w);
    w._park(this);
    return true;
  }

  /** Registers a parked task or a callback to hear of this task's end. */
  _onDone(x: Task<any> | DoneCallback): void {
    (this._w || (this._w = [])).push(x);
  }

  _offDone(x: Task<any> | DoneCallback): void {
    var w = this._w, i = w ? w.indexOf(x) : -1;
    if (i >= 0) w!.splice(i, 1);
  }

  /** A waiter that is cancelled leaves this task's list. */
  _cancel(w: Task<any>): void {
    this._offDone(w);
  }

  _park(on: any): void {
    this._st = WAITING;
    this._s = on;
  }

  /** Wakes the task if it is still parked on `on`; a stale wake is ignored. */
  _wake(on: any, v: unknown, err: number): boolean {
    if (this._st !== WAITING || this._s !== on) return false;
    this._s = undefined;
    this._l._schedule(this, v, err);
    return true;
  }

  /** Heap expiry: a sleeping task is parked on its loop. */
  _fire(): void {
    this._wake(this._l, undefined, 0);
  }

  /**
   * The driver: runs the frame stack from the top until the task parks or
   * finishes. Iterative whatever the depth of nested awaits.
   */
  _step(v: unknown, err: number): void {
    var f: Frame, r: number, a: any, parked: boolean;
    for (;;) {
      f = this._c!;
      r = f._resume(v, err, this);
      v = this._v;
      this._v = undefined;
      if (r === AWAIT) {
        a = v;
        if (a != null && typeof a._aw === "function") parked = a._aw(this);
        else if (a != null && typeof a.then === "function") parked = awaitThenable(this, a);
        else {
          this._v = new UsageError("E_NOT_AWAITABLE", "await expects a coroutine, a Task or a thenable, got " + describe(a));
          this._e = 1;
          parked = false;
        }
        if (parked) {
          if (this._x) {
            this._x = 0;
            this.cancel();
          }
          return;
        }
        v = this._v;
        err = this._e!;
        this._v = undefined;
        continue;
      }
      err = r === THROW ? 1 : 0;
      a = v;
      if (!err && a != null && typeof a.then === "function") {
        // `return promise` in an async function adopts it, as in JavaScript:
        // a frame that awaits it takes the finished frame's place.
        a = new Chain(v);
        a._p = f._p;
        this._c = a;
        v = undefined;
        continue;
      }
      if (!f._p) {
        this._finish(v, err);
        return;
      }
      this._c = f._p;
      f._p = undefined;
    }
  }

  _finish(v: unknown, err: number): void {
    var w = this._w, i: number, x: Task<any> | DoneCallback;
    this._st = DONE;
    this._c = null;
    this._v = v;
    this._e = err;
    if (w && w.length) {
      this._w = undefined;
      if (err) this._e = 2;
      for (i = 0; i < w.length; i++) {
        x = w[i];
        if (typeof x === "function") x(this);
        else x._wake(this, v, err);
      }
    } else if (err && !(v instanceof CancelledError)) {
      this._l._report(this);
    }
  }
}

/** A native Promise or any other foreign thenable: resumed from its callbacks. */
function awaitThenable(task: Task<any>, th: PromiseLike<unknown>): boolean {
  var token = {}; // what the task is parked on; a settlement after a cancel finds it gone
  task._park(token);
  try {
    th.then(
      function (v) {
        task._wake(token, v, 0);
      },
      function (e) {
        task._wake(token, e, 1);
      },
    );
  } catch (e) {
    task._st = RUNNING;
    task._s = undefined;
    task._v = e;
    task._e = 1;
    return false;
  }
  return true;
}

export function taskName(t: Task<any>): string {
  return t.name ? "task " + t.name : "a task";
}

function spawn<T>(frame: Frame, loop: Loop, name?: string): Task<T> {
  var t = new Task<T>(frame, loop, name);
  loop._schedule(t, undefined, 0);
  return t;
}

/**
 * Wraps a coroutine in a task that starts at the scheduler's next step.
 * Where it may be called from: anywhere, including interrupt callbacks.
 */
export function createTask<T>(coro: PromiseLike<T>, name?: string): Task<T> {
  var c = coro as any;
  if (c == null || typeof c._resume !== "function") {
    throw new UsageError("E_NOT_COROUTINE", "createTask expects a coroutine (what calling an async function returns), got " + describe(coro));
  }
  if (c.label !== -1) {
    throw new UsageError("E_REUSED_COROUTINE", "createTask was given a coroutine that was already awaited or given to a task");
  }
  c.label = -2;
  return spawn<T>(c, getLoop(), name !== undefined ? name : c._n);
}

/** The task that is running now. Only from inside a task. */
export function currentTask(): Task<any> {
  var t = getLoop()._cur;
  if (!t) {
    throw new UsageError("E_NO_TASK", "currentTask() was called outside a task: call it from code that run() or createTask() started");
  }
  return t;
}

/**
 * Turns any awaitable into a task: a task as it is, a coroutine as a new task,
 * anything else awaitable in a small task that awaits it.
 */
export function promote<T>(aw: PromiseLike<T>): Task<T> {
  var a = aw as any;
  if (a instanceof Task) return a;
  if (a != null && typeof a._resume === "function" && a.label === -1) return createTask(aw);
  if (a == null || (typeof a._aw !== "function" && typeof a.then !== "function")) {
    throw new UsageError("E_NOT_AWAITABLE", "expected an awaitable (a coroutine, a Task or a thenable), got " + describe(aw));
  }
  return spawn<T>(new Chain(aw), getLoop());
}
