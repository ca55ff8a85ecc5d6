import { describe, UsageError } from "../core/errors";
import { timeout } from "./timeout";

function checkAwaitable(fn: string, aw: unknown): void {
  var a = aw as any;
  if (a == null || (typeof a._aw !== "function" && typeof a.then !== "function")) {
    throw new UsageError("E_NOT_AWAITABLE", fn + " expects an awaitable (a coroutine, a Task or a thenable), got " + describe(aw));
  }
}

/**
 * Awaits `aw` for at most `ms` milliseconds; on timeout cancels it, waits for
 * it to finish, and raises TimeoutError. `null` means no limit. Cancelling the
 * caller cancels `aw` too. A coroutine runs inside the caller's task (no extra
 * task is made); a Task is cancelled on timeout.
 */
export function waitForMs<T>(aw: PromiseLike<T>, ms: number | null): Promise<T> {
  checkAwaitable("waitForMs", aw);
  return timeout(ms === null ? Infinity : ms, function () {
    return aw;
  });
}

/** waitForMs with the limit in seconds. */
export function waitFor<T>(aw: PromiseLike<T>, seconds: number | null): Promise<T> {
  checkAwaitable("waitFor", aw);
  if (seconds !== null && (typeof seconds !== "number" || seconds !== seconds)) {
    throw new UsageError("E_BAD_DELAY", "waitFor expects a number of seconds or null, got " + describe(seconds));
  }
  return timeout(seconds === null ? Infinity : seconds * 1000, function () {
    return aw;
  });
}
