// Error types of the scheduler. They do not extend Error: Espruino cannot run
// `class extends Error` (espruino-dialect.md rule 1) and prints objects without
// a toString as "[object Object]" (rule 17), so each shares errorToString, and
// so do the other error types of ristretto (io, sync, funcs).

import { DEV, RUNTIME } from "./dev";

/** "Name [CODE]: message" (the code and the message where there are; on a device only a UsageError has a code, and it has its own). */
export function errorToString(this: { name: string; code?: string; message: string }): string {
  return (DEV && this.code ? this.name + " [" + this.code + "]" : this.name) + (this.message ? ": " + this.message : "");
}

/** Raised at the `await` of a task that was cancelled. */
export class CancelledError {
  declare name: string;
  declare message: string;
  constructor(message?: string) {
    if (message !== undefined) this.message = message; // else the prototype's: a field fewer (a device's never has one)
  }
  declare toString: () => string;
}
CancelledError.prototype.name = "CancelledError";
CancelledError.prototype.message = "the task was cancelled";
CancelledError.prototype.toString = errorToString;

/** Raised by `waitFor`, `waitForMs` and `timeout` when time runs out. */
export class TimeoutError {
  declare name: string;
  constructor(public message: string = "the operation timed out") {}
  declare toString: () => string;
}
TimeoutError.prototype.name = "TimeoutError";
TimeoutError.prototype.toString = errorToString;

/**
 * A misuse of the API. `code` is stable (the README lists them); on the host
 * the message says what was expected, what was received, and what to do. A
 * device build keeps the code alone, its message undefined (src/build/terse-errors-plugin.ts);
 * `monitor` and the bundle simulator expand it (src/sim/runtime/error-codes.ts).
 */
export class UsageError {
  declare name: string;
  declare code: string;
  declare message: string;
  constructor(code: string, message: string) {
    this.code = code;
    if (DEV) this.message = message; // a device's has none: the build drops the argument (a field fewer)
  }
  declare toString: () => string;
}
UsageError.prototype.name = "UsageError";
UsageError.prototype.toString = DEV ? errorToString : function (this: UsageError): string { return this.name + " [" + this.code + "]"; }; // a device's has no message

/** Describes a received value for an error message: `-1 (number)`, `"x" (string)`. Host messages only. */
export function describe(v: unknown): string {
  if (v === null) return "null";
  var t = typeof v;
  if (t === "string") return '"' + v + '" (string)';
  if (t === "function") return "a function (did you forget to call it?)";
  if (t === "object") {
    return typeof (v as any).then === "function" ? "an awaitable that is not a coroutine (wrap it: async () => await it)" : "an object without then()";
  }
  return String(v) + " (" + t + ")";
}

/**
 * An exception as text: "Error: message" for built-in errors, toString() for
 * the rest. On Espruino String() gives both (its built-in errors have no
 * `name`, but their toString() says the class), so it is String itself
 * (`errors.map(String)`; added to text, `"" + e` says the same but for a
 * valueOf(): unretrieved.ts); elsewhere a built-in error is spelled out as its
 * name and message.
 */
export var errorText: (e: unknown) => string = RUNTIME === "espruino" ? String : (e) => (!(e instanceof Error) ? String(e) : (e.name || "Error") + ": " + e.message);
