import { DEV } from "../core/dev";
import { FOREIGN } from "../core/features";
import { UsageError, describe } from "../core/errors";
import { loopNow } from "../core/loop";
import { sleepMs } from "../core/sleep";
import type { Waitable } from "../core/task";

/**
 * Calls `fn(n)` (n = 0, 1, 2...) every `ms` milliseconds, on absolute
 * deadlines: the k-th call is due at start + k * ms, whatever the calls and
 * the wake-ups cost, so it does not drift. A call that overruns skips the
 * ticks it missed and keeps the phase. `fn` may be async (it is awaited).
 * Runs until cancelled, or until `fn` returns false.
 */
export async function every(ms: number, fn: (n: number) => unknown): Promise<void> {
  if (DEV && !(ms > 0)) throw new UsageError("E_BAD_PERIOD", "every expects a period in milliseconds above 0, got " + describe(ms));
  var due = loopNow(), n = 0, r: unknown, now: number;
  for (;;) {
    r = fn(n++);
    if (r != null && ((r as Waitable)._aw || (FOREIGN && typeof (r as PromiseLike<unknown>).then === "function"))) r = await (r as PromiseLike<unknown>);
    if (r === false) return;
    due += ms;
    now = loopNow();
    if (due < now) due += Math.ceil((now - due) / ms) * ms;
    await sleepMs(due - now);
  }
}
