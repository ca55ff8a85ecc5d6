import { Coroutine, OP_AWAIT, OP_ERROR, OP_RETURN, OP_SLEEP } from "../core/coroutine";
import type { Instruction } from "../core/coroutine";
import { hooks } from "../core/debug";
import { DEV } from "../core/dev";
import { EVERY_RESULT, FOREIGN } from "../core/features";
import { UsageError, describe } from "../core/errors";
import { loopNow } from "../core/loop";
import type { Waitable } from "../core/task";

/**
 * Calls `fn(n)` (n = 0, 1, 2...) every `ms` milliseconds, on absolute
 * deadlines: the k-th call is due at start + k * ms, whatever the calls and
 * the wake-ups cost, so it does not drift. A call that overruns skips the
 * ticks it missed and keeps the phase. `fn` may be async (it is awaited).
 * Runs until cancelled, or until `fn` returns false.
 *
 * A hand-written coroutine: its state is in its own fields, and its state
 * machine, ticking(), one function of the bundle. Written as an async
 * function, each call made a closure, and on Espruino a closure made from
 * code in RAM is a copy of its text.
 */
export function every(ms: number, fn: (n: number) => unknown): Promise<void> {
  var c = new Coroutine<void>(ticking as (c: any, v: unknown) => Instruction) as Ticking;
  c._ms = ms;
  c._fn = fn;
  if (DEV && hooks.coroutineCreated) hooks.coroutineCreated(c);
  return c as unknown as Promise<void>;
}

interface Ticking extends Coroutine<void> {
  _ms: number;
  _fn: (n: number) => unknown;
  /** The next call's deadline, ms on the loop's clock. */
  _due: number;
  /** The next call's n. */
  _n: number;
}

/**
 * The state machine. Labels: 0 first, 1 woken from a sleep (call fn), 2
 * resumed with the outcome of awaiting what fn returned. The host's driver
 * adds 1 to the label after an await, a device's does not (as for TypeScript's
 * bodies: coroutine.ts); a sleep is this body's own instruction on both.
 */
function ticking(c: Ticking, v: unknown): Instruction {
  var r = v, fn: (n: number) => unknown, now: number;
  if (!c.label) {
    if (DEV && !(c._ms > 0)) return [OP_ERROR, new UsageError("E_BAD_PERIOD", "every expects a period in milliseconds above 0, got " + describe(c._ms))];
    c._due = loopNow();
    c._n = 0;
  }
  if (!EVERY_RESULT || c.label !== 2) {
    fn = c._fn; // called as a function, not a method of c
    r = fn(c._n++);
    if (EVERY_RESULT && r != null && ((r as Waitable)._aw || (FOREIGN && typeof (r as PromiseLike<unknown>).then === "function"))) {
      c.label = DEV ? 1 : 2;
      return [OP_AWAIT, r];
    }
  }
  if (EVERY_RESULT && r === false) return [OP_RETURN];
  c._due += c._ms;
  now = loopNow();
  if (c._due < now) c._due += Math.ceil((now - c._due) / c._ms) * c._ms;
  c.label = 1;
  return [OP_SLEEP, c._due - now];
}
