// What happens to an exception no one retrieved: a task that ended raising it
// and that nothing awaited, reported one step later, as uasyncio does.
// Functions, not methods of the loop: each called from one place, the device
// build inlines them there.

import { DEV, RUNTIME } from "./dev";
import { errorText } from "./errors";
import { deviceLoop } from "./loop";
import type { Task } from "./task";

/**
 * Reports `task`'s exception one step later, unless something retrieves it
 * meanwhile: a one-off step, so the loop's step needs no DONE check.
 */
export function reportLater(task: Task<any>): void {
  (DEV ? task._loop : deviceLoop)._soon({
    _run: function () {
      if (task._error === 1) reportUnretrieved(task);
    },
  } as unknown as Task<any>);
}

/**
 * The loop's handler is told, or (with none, or if it fails: then of its own
 * exception) it is printed, and where it was thrown.
 */
export function reportUnretrieved(task: Task<any>): void {
  var m = "Task exception wasn't retrieved", e: any = task._value, h = (DEV ? task._loop : deviceLoop)._handler, s: any;
  if (h) {
    try {
      return h({ message: m, exception: e, task: task });
    } catch (x) {
      m = "exception handler failed";
      e = x;
    }
  }
  console.log(m + (DEV && task.name ? " (task " + task.name + ")" : "") + ": " + (RUNTIME === "espruino" ? e : errorText(e))); // on Espruino errorText() is String(), which `+` is but for a valueOf()
  // Where it was thrown, one line, which `ristretto monitor` maps to the
  // TypeScript line: the first frame of Espruino's stack ("    at f
  // (ristretto.a.js:1:1234)"; QuickJS's alike), or of JerryScript's, an array
  // (Kaluma prints "  at " it). V8's stack starts with the message: left out.
  s = e && e.stack;
  if (RUNTIME !== "espruino" && s instanceof Array) s = "  at " + s[0];
  if (s && s.split && (RUNTIME === "espruino" || /^ +at /.test(s))) console.log(s.split("\n")[0]); // a string's; Espruino's always starts so
}
