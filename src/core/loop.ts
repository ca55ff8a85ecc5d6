/*
 * The event loop: a ready queue, a list of timers, and one platform timer.
 *
 * Invariants
 * - A task is in at most one place: the ready queue (READY), running (the
 *   loop's _current), parked on something (WAITING; a sleeping task is also
 *   in _timers, unless it sleeps forever), or DONE. A DONE task's
 *   unretrieved exception is reported one step later (uasyncio does the
 *   same), by a one-off step.
 * - Ready tasks run in FIFO order, in rounds: a task made ready during a round
 *   runs in the next one. Due timers fire at the start of a round, earliest
 *   deadline first, ties in the order they were set. The ready queue may
 *   also hold one-off steps, objects with only _run() (the wake-up of a
 *   ThreadSafeFlag, a uart or a pin's levels, a task group's cancel, an
 *   unretrieved exception's report): the loop runs whatever the queue
 *   holds, with no case for a finished task.
 * - Tickless: when a run ends, exactly one platform timer is armed, for "now"
 *   if tasks are ready, for the earliest deadline if any, or none at all; the
 *   runtime can then sleep. Interrupt callbacks that wake a task arm it anew.
 *   There is never more than one handle, and it is cleared only while live
 *   (Espruino reuses timer ids and throws on clearTimeout(undefined)).
 * - A run returns to the runtime after SLICE_MS of work even if tasks are
 *   still ready, so watches and serial input are serviced (checkpoint()).
 * - Nothing recurses: a run is a loop over rounds, a step a loop over a
 *   task's coroutines.
 * - A fault in the framework itself (never a task's exception: those end
 *   the task) propagates to the runtime, which prints it; the loop stays
 *   usable, with the rest of the round still queued.
 *
 * Costs: waking a task O(1): one push. Sleeping, on the device, is an
 * insertion into the sorted timer list: a binary search, then a splice
 * (native, O(n) moves; on Espruino, where an array is a linked list,
 * indexing is O(n) and a binary heap would be no better, and its code costs
 * RAM). A due timer is popped off the end, O(1). Cancelling a sleep is an
 * indexOf and a splice. On the host (DEV), where the simulator runs
 * thousands of sleepers, the timers are a binary heap: O(log n) each. Both
 * fire in the same order. One clock read per round.
 */

import type { Clock } from "./clock";
import { runtimeClock, runtimeNow } from "./clock";
import { DEV, RUNTIME } from "./dev";
import { CANCEL, YIELDS } from "./features";
import { remove } from "./remove";
import { heapPush, heapRemove } from "./timer-heap";
import type { Task } from "./task";
import { WAITING } from "./task-states";

/** How long a run may go on before it lets the runtime service events. */
export var SLICE_MS = 20;

/** What an exception handler is told about an exception no one retrieved. */
export interface ExceptionContext {
  message: string;
  exception: unknown;
  task: Task<any>;
}
export type ExceptionHandler = (context: ExceptionContext) => void;

/** An entry of the timer list: a sleeping task, or a callback (timer.ts). */
export interface TimerNode {
  /** When it is due, ms on the loop's clock. */
  _at: number;
  _fire(): void;
}

export class Loop {
  _ready: Task<any>[] = [];
  /**
   * The timers, by deadline. Device build: sorted by _at, latest first, so
   * the next due is popped off the end; of equal deadlines the first added is
   * nearest the end. Development build: a binary heap (timer-heap.ts).
   */
  _timers: TimerNode[] = [];
  /** The running task. */
  declare _current?: Task<any>;
  /** 1 while it runs (a number: Espruino keeps a boolean in two variables). */
  declare _running?: number;
  /** When the current run began, for checkpoint(). */
  declare _runStart: number;
  /** The armed platform timer and when it fires; undefined when none. */
  declare _timer?: unknown;
  declare _timerAt: number;
  declare _handler?: ExceptionHandler;
  /** The one callback the platform timer calls: host only (a device's is tick()). */
  declare _tick: () => void;
  /** The loop's clock: host only, where the simulator gives each loop a virtual one (a device has one loop, on the runtime's clock: loopNow()). */
  declare _clock: Clock;

  constructor(clock?: Clock) {
    var self = this;
    if (DEV) {
      this._clock = clock || runtimeClock;
      this._tick = function () {
        self._timer = undefined;
        self._run();
      };
    }
  }

  /**
   * Puts a task in the ready queue and makes sure the loop will run. Also a
   * one-off step. Any context.
   */
  _soon(task: Task<any>): void {
    this._ready.push(task);
    if (!this._running) this._arm();
  }

  /**
   * `await sleepMs(ms)` (Sleep._aw, or the driver for a lowered one): the
   * task goes to the back of the ready queue when ms is 0 or less (or NaN),
   * sleeps until cancelled when it is Infinity, else until its deadline.
   */
  _sleep(task: Task<any>, ms: number): void {
    if (YIELDS && !(ms > 0)) this._ready.push(task); // READY as it is: the loop is running (a task awaits only in its own step)
    else {
      task._state = WAITING; // task._park(this), without the call (a timed wake 2% cheaper)
      if (CANCEL) task._on = this; // for cancel() alone: nothing but its timer wakes a sleeping task
      if (!YIELDS || ms !== Infinity) {
        task._at = (DEV ? this._clock.now() : runtimeNow()) + ms;
        this._insert(task); // the run that ran the task arms the platform timer when it ends
      } // else until cancelled: parked on the loop but in no timer list, where cancel()'s _cancel() finds nothing to take out
    }
  }

  /** A sleeping task that is cancelled, or a timer cleared, leaves the timer list (set below, where CANCEL). */
  declare _cancel: (node: TimerNode) => void;

  /**
   * Adds a timer, and arms the platform timer for it unless a run is under way (whose end arms it). On a
   * device only a run adds one (a task's step, or a watch's one-off step: levels.ts), so it never arms.
   */
  _addTimer(node: TimerNode): void {
    this._insert(node);
    if (DEV && !this._running) this._arm();
  }

  /** Puts a timer in the list, in deadline order. */
  _insert(node: TimerNode): void {
    var ts = this._timers, lo = 0, hi = ts.length, m: number;
    if (DEV) heapPush(ts, node);
    else {
      // Binary search for the first timer due no later (the list is latest first): it goes before them. (A scan
      // from the latest is 20 B shorter, and made a switch among 10,000 sleepers 4 to 11 times dearer: npm run bench.)
      while (lo < hi) {
        m = (lo + hi) >> 1;
        if (ts[m]._at > node._at) lo = m + 1;
        else hi = m;
      }
      ts.splice(lo, 0, node);
    }
  }

  /** Runs rounds until nothing is ready or the slice is spent, then re-arms. */
  _run(): void {
    if (this._running) return;
    var prev: Loop | undefined, ts = this._timers, round!: Task<any>[], n: number | undefined, i!: number, due: TimerNode, now: number, start: number; // n: undefined, falsy, until a round starts
    if (DEV) {
      // The host runs several loops (the simulator's); a device has one, deviceLoop.
      prev = current;
      current = this;
    }
    this._running = 1;
    this._timerAt = Infinity; // a timer armed before the run (run() started it) is stale: _arm() at the end replaces it
    this._runStart = start = now = DEV ? this._clock.now() : runtimeNow(); // a field for checkpoint() (where none reads it, unused-methods.ts drops the write), a local for the slice
    try {
      for (;;) {
        while (ts[0] && (due = DEV ? ts[0] : ts[ts.length - 1])._at <= now) { // the timer due first: the heap's top, or the sorted list's end (inline: a call less a round); ts[0], not a length: a timed wake 3% cheaper on Espruino (and ts[-1], a read past the end, cost a yield's round 1% of a switch)
          if (DEV) heapRemove(ts, due);
          else ts.pop();
          due._fire();
        }
        // This round: what the queue holds; what it makes ready goes to a new queue.
        if (!(n = (round = this._ready).length)) break;
        this._ready = [];
        for (i = 0; i < n; ) (this._current = round[i++])._run(); // i++ inside: a switch 1% fewer instructions on Espruino
        n = 0;
        this._current = undefined; // no task runs between rounds: a timer's callback (timeout's cancel) is not the last task's step
        now = DEV ? this._clock.now() : runtimeNow();
        if (now - start >= SLICE_MS) break;
      }
    } finally {
      if (n) this._ready = round.slice(i).concat(this._ready); // a fault (in round[i - 1]'s step): what did not run stays queued, first
      this._current = undefined;
      this._running = 0;
      if (DEV) current = prev;
      this._arm();
    }
  }

  /** Keeps exactly one platform timer for the earliest thing to do, or none. */
  _arm(): void {
    var now = DEV ? this._clock.now() : runtimeNow(), ts = this._timers, at: number;
    if (this._ready.length) at = now;
    else if (ts.length) at = (DEV ? ts[0] : ts[ts.length - 1])._at; // the timer due first, as in _run() (a function of it, inlined, copied ts to a local)
    else at = -1;
    if (this._timer !== undefined) {
      if (at >= 0 && this._timerAt <= at) return; // an earlier timer fires first and re-arms
      if (DEV) this._clock.clearTimer(this._timer);
      else clearTimeout(this._timer as ReturnType<typeof setTimeout>); // tested just above: the lowering adds no guard (defined-handles.ts)
      this._timer = undefined;
    }
    if (at < 0) return;
    this._timerAt = at;
    // The delay, written where it is passed (a local terser keeps: 3 B); Espruino takes one below its least as its least (jswrap_interactive.c).
    this._timer = DEV ? this._clock.setTimer(this._tick, at > now ? at - now : 0) : setTimeout(tick, RUNTIME === "espruino" || at > now ? at - now : 0);
  }
}

if (CANCEL) {
  Loop.prototype._cancel = function (this: Loop, node: TimerNode): void {
    (DEV ? heapRemove : remove)(this._timers, node);
  };
}

/** The current loop (host: getLoop() makes it when first asked, the simulator sets its own, setLoop()). */
var current: Loop | undefined;

/**
 * A device's one loop, made with the bundle: device code reads it where the
 * host asks getLoop() or a task's loop, `DEV ? getLoop() : deviceLoop`,
 * `DEV ? task._loop : deviceLoop` (a getter would cost a function, which
 * terser does not inline where it has two callers, and a call at every use;
 * a field, a variable a task). Undefined on the host.
 */
export var deviceLoop: Loop = DEV ? undefined! : /*#__PURE__*/ new Loop();

/**
 * What a device's platform timer calls: its one loop runs. A function of the
 * bundle's top rather than a closure each loop makes (on Espruino the
 * closure would keep the constructor's scope alive, and the loop a field).
 */
function tick(): void {
  deviceLoop._timer = undefined;
  deviceLoop._run();
}

/** The loop that is running, or the one tasks go to when none is. */
export function getLoop(): Loop {
  return current || (current = new Loop());
}

/**
 * Now, in ms on the clock of `loop` (by default the current loop). A device
 * has one loop, on the runtime's clock: there this is runtimeNow itself, and
 * the loop keeps no clock. The loop's own reads are written out, `DEV ?
 * this._clock.now() : runtimeNow()`: loopNow(this) would hand the device's
 * Date.now an argument it ignores, 1% of a timed wake.
 */
export var loopNow: (loop?: Loop) => number = DEV
  ? function (loop?: Loop): number {
      return (loop || getLoop())._clock.now();
    }
  : runtimeNow;

/** Makes `loop` the one tasks go to; returns the previous. Host tooling only. */
export function setLoop(loop: Loop | undefined): Loop | undefined {
  var prev = current;
  current = loop;
  return prev;
}
