// What happens to an exception no one retrieved: a task that ended raising it
// and that nothing awaited, reported one step later (task.ts), as uasyncio
// does. A function, not a method of the loop: called from one place, the
// device build inlines it there.

import { DEV, RUNTIME } from "./dev";
import { errorText } from "./errors";
import type { Task } from "./task";

/**
 * The loop's handler is told, or (with none, or if it fails: then of its own
 * exception) it is printed, and where it was thrown.
 */
export function reportUnretrieved(task: Task<any>): void {
  var m = "Task exception wasn't retrieved", e: any = task._value, h = task._loop._handler, s: unknown;
  if (h) {
    try {
      return h({ message: m, exception: e, task: task });
    } catch (x) {
      m = "exception handler failed";
      e = x;
    }
  }
  console.log(m + (DEV && task.name ? " (task " + task.name + ")" : "") + ": " + errorText(e));
  // Where it was thrown, one line, which `ristretto monitor` maps to the
  // TypeScript line: the first frame of Espruino's stack ("    at f
  // (ristretto.a.js:1:1234)"; QuickJS's alike), or of JerryScript's, an array
  // (Kaluma prints "  at " it). V8's stack starts with the message: left out.
  s = e && e.stack;
  if (RUNTIME !== "espruino" && s instanceof Array) s = "  at " + s[0];
  if (typeof s === "string" && (RUNTIME === "espruino" || /^ +at /.test(s))) console.log(s.split("\n")[0]); // Espruino's always starts so
}
