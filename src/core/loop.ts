/*
 * The event loop: a ready queue, a timer heap, and one platform timer.
 *
 * Invariants
 * - A task is in at most one place: the ready queue (READY), running (the
 *   loop's _cur), parked on something (WAITING, maybe also in the heap if it
 *   sleeps), or DONE. A DONE task is in the ready queue only to have its
 *   unretrieved exception reported one step later (uasyncio does the same).
 * - Ready tasks run in FIFO order, in rounds: a task made ready during a round
 *   runs in the next one. Due timers join the queue at the start of a round,
 *   earliest deadline first, ties in the order they were set; then whatever
 *   was flagged for polling (ThreadSafeFlag) wakes its waiter, behind the
 *   tasks already queued, as uasyncio's poll of its I/O queue does.
 * - Tickless: when a run ends, exactly one platform timer is armed, for "now"
 *   if tasks are ready, for the earliest deadline if any, or none at all; the
 *   runtime can then sleep. Interrupt callbacks that wake a task arm it anew.
 *   There is never more than one handle, and it is cleared only while live
 *   (Espruino reuses timer ids and throws on clearTimeout(undefined)).
 * - A run returns to the runtime after SLICE_MS of work even if tasks are
 *   still ready, so watches and serial input are serviced (checkpoint()).
 * - Nothing recurses: a run is a loop over rounds, a step a loop over frames.
 *
 * Costs: waking a task O(1); sleeping and cancelling a sleep O(log n) in the
 * number of sleepers; one clock read per round.
 */

import type { Clock } from "./clock";
import { runtimeClock } from "./clock";
import { heapPush, heapRemove } from "./heap";
import type { TimerNode } from "./heap";
import { errorText } from "./errors";
import type { Task } from "./task";

/** How long a run may go on before it lets the runtime service events. */
export var SLICE_MS = 20;

/** What an exception handler is told about an exception no one retrieved. */
export interface ExceptionContext {
  message: string;
  exception: unknown;
  task: Task<any>;
}
export type ExceptionHandler = (context: ExceptionContext) => void;

// Task states, as in task.ts (repeated as literals to keep the import one-way).
var READY = 0;
var RUNNING = 1;
var DONE = 3;

/** Something to look at at the start of the next round (ThreadSafeFlag). */
export interface Pollable {
  _poll(): void;
}

export class Loop {
  _ready: Task<any>[] = [];
  _heap: TimerNode[] = [];
  _polls: Pollable[] = [];
  /** The running task. */
  _cur: Task<any> | undefined = undefined;
  _running = false;
  /** When the current run began, for checkpoint(). */
  _start = 0;
  /** The armed platform timer and when it fires; undefined when none. */
  _timer: unknown = undefined;
  _timerAt = 0;
  _seq = 0;
  _handler: ExceptionHandler | undefined = undefined;
  /** The one callback the platform timer calls. */
  _tick: () => void;

  constructor(public _clock: Clock) {
    var self = this;
    this._tick = function () {
      self._timer = undefined;
      self._run();
    };
  }

  /** Queues `task` to resume with `v` (thrown if err is 1). Any context. */
  _schedule(task: Task<any>, v: unknown, err: number): void {
    task._st = READY;
    task._v = v;
    task._e = err;
    this._ready.push(task);
    if (!this._running) this._arm();
  }

  /** Parks the task until `at` (ms on this loop's clock). */
  _sleepUntil(task: Task<any>, at: number): void {
    task._d = at;
    task._q = this._seq++;
    heapPush(this._heap, task);
    task._park(this);
  }

  /** A sleeping task that is cancelled leaves the heap. */
  _cancel(task: Task<any>): void {
    heapRemove(this._heap, task);
  }

  /** Polls `p` at the start of the next round. Any context, interrupts included. */
  _pollSoon(p: Pollable): void {
    this._polls.push(p);
    if (!this._running) this._arm();
  }

  /** A task ended with an exception no one has asked for: tell the handler next step. */
  _report(task: Task<any>): void {
    this._ready.push(task);
    if (!this._running) this._arm();
  }

  /** Runs rounds until nothing is ready or the slice is spent, then re-arms. */
  _run(): void {
    if (this._running) return;
    var prev = current, clock = this._clock, ready: Task<any>[] = [], i = 0, now: number;
    current = this;
    this._running = true;
    if (this._timer !== undefined) {
      // Started directly (run()): the armed timer is redundant; the end re-arms.
      clock.clearTimer(this._timer);
      this._timer = undefined;
    }
    this._start = now = clock.now();
    try {
      for (;;) {
        this._expire(now);
        if (this._polls.length) this._poll();
        ready = this._ready;
        if (!ready.length) break;
        this._ready = [];
        for (i = 0; i < ready.length; i++) this._resume(ready[i]);
        now = clock.now();
        if (now - this._start >= SLICE_MS) break;
      }
    } catch (e) {
      // Only a fault in the framework itself gets here: keep the rest of the round.
      this._ready = ready.slice(i + 1).concat(this._ready);
      this._fault(e);
    } finally {
      this._cur = undefined;
      this._running = false;
      current = prev;
    }
    this._arm();
  }

  _expire(now: number): void {
    var h = this._heap, n: TimerNode;
    while (h.length && h[0]._d <= now) {
      n = h[0];
      heapRemove(h, n);
      n._fire();
    }
  }

  _poll(): void {
    var ps = this._polls, i: number;
    this._polls = [];
    for (i = 0; i < ps.length; i++) ps[i]._poll();
  }

  _resume(task: Task<any>): void {
    var v: unknown;
    if (task._st === DONE) {
      if (task._e === 1) this._unretrieved(task);
      return;
    }
    v = task._v;
    task._v = undefined;
    task._st = RUNNING;
    this._cur = task;
    task._step(v, task._e!);
    this._cur = undefined;
  }

  _unretrieved(task: Task<any>): void {
    var ctx: ExceptionContext = { message: "Task exception wasn't retrieved", exception: task._v, task: task };
    try {
      (this._handler || defaultHandler)(ctx);
    } catch (e) {
      defaultHandler({ message: "exception handler failed", exception: e, task: task });
    }
  }

  _fault(e: unknown): void {
    defaultHandler({ message: "scheduler fault", exception: e, task: this._cur! });
  }

  /** Keeps exactly one platform timer for the earliest thing to do, or none. */
  _arm(): void {
    var clock = this._clock, now = clock.now(), at: number;
    if (this._ready.length || this._polls.length) at = now;
    else if (this._heap.length) at = this._heap[0]._d;
    else at = -1;
    if (this._timer !== undefined) {
      if (at >= 0 && this._timerAt <= at) return; // an earlier timer fires first and re-arms
      clock.clearTimer(this._timer);
      this._timer = undefined;
    }
    if (at < 0) return;
    this._timerAt = at;
    this._timer = clock.setTimer(this._tick, at > now ? at - now : 0);
  }
}

function defaultHandler(ctx: ExceptionContext): void {
  var t = ctx.task, e = ctx.exception as { stack?: unknown } | null;
  console.log(ctx.message + (t && t.name ? " (task " + t.name + ")" : "") + ": " + errorText(ctx.exception));
  // Where it was thrown, one line, which `ristretto monitor` maps to the
  // TypeScript line: the first frame of Espruino's stack ("    at f
  // (ristretto.a.js:1:1234)"; QuickJS's alike), or of JerryScript's, an array
  // (Kaluma prints "  at " it). V8's stack starts with the message: left out.
  var s = e && e.stack;
  if (s instanceof Array) s = "  at " + s[0];
  if (typeof s === "string" && /^ +at /.test(s)) console.log(s.split("\n")[0]);
}

var current: Loop | undefined;

/** The loop that is running, or the one tasks go to when none is. */
export function getLoop(): Loop {
  return current || (current = new Loop(runtimeClock));
}

/** Makes `loop` the one tasks go to; returns the previous. Host tooling only. */
export function setLoop(loop: Loop | undefined): Loop | undefined {
  var prev = current;
  current = loop;
  return prev;
}
