// What each misuse code means, for the lines a device prints: a device
// bundle keeps a UsageError's code alone (terse-errors-plugin.ts), and
// monitor (stack-translator.ts) and the bundle simulator's error reports show
// "UsageError [E_CANCEL_SELF]" as "UsageError [E_CANCEL_SELF]: a task calling
// cancel() on itself". The README's table of misuse errors says the same, in
// the same words (test/sim/error-codes.test.ts holds them, and every code
// ristretto raises, together). Host only.

export var ERROR_CODES: { [code: string]: string } = {
  E_NOT_AWAITABLE: "awaiting (or passing to gather, waitFor, shield) something that is not awaitable; in a device bundle also a thenable that is not ristretto's, where the build found no code that could make one (its FOREIGN feature)",
  E_NOT_COROUTINE: "createTask given something other than a coroutine",
  E_REUSED_COROUTINE: "a coroutine awaited or given to a task twice",
  E_CANCEL_SELF: "a task calling cancel() on itself",
  E_AWAIT_SELF: "a task awaiting itself",
  E_TASK_PENDING: "result() of a task that has not finished",
  E_NO_TASK: "currentTask() outside a task",
  E_NESTED_RUN: "run() called from inside a task",
  E_BAD_DELAY: "a delay that is not a number, e.g. sleepMs(NaN)",
  E_BAD_PERIOD: "every() given a period that is not a number of milliseconds above 0",
  E_BAD_ARG: "a bad argument, e.g. gather(notAnArray), a negative semaphore value or read(0)",
  E_STREAM_CLOSED: "write() on a uart after close()",
  E_BAD_HANDLER: "setExceptionHandler given something other than a function",
  E_LOCK_NOT_HELD: "release() of a Lock that is not locked",
  E_SEMAPHORE_OVERFLOW: "a BoundedSemaphore released more times than it was acquired",
  E_FLAG_BUSY: "a second task waiting on one ThreadSafeFlag, or reading one uart while another reads",
  E_GROUP_CLOSED: "tg.createTask after the group finished",
  E_GROUP_ABORTING: "tg.createTask while the group shuts down after a failure",
};

/** `line` with each "UsageError [E_X]" that has no message after it followed by what E_X means. */
export function expandCodes(line: string): string {
  return line.replace(/UsageError \[(E_[A-Z_]+)\](?!:)/g, function (m: string, code: string) {
    return ERROR_CODES.hasOwnProperty(code) ? m + ": " + ERROR_CODES[code] : m;
  });
}
