// Espruino's timer globals (setTimeout, setInterval, clearTimeout,
// clearInterval) as jswrap_interactive.c has them: a callback may be a
// function or a string of code, extra arguments are passed on, ids are the
// last live one's plus one, an interval is at least 0.1 ms, and
// clearTimeout(undefined) is an error. Used by the Espruino runtime and by
// the sim board's (whose bundles run on Espruino's timers). Host only.

import { runtimeError } from "./runtime";
import type { RuntimeHost } from "./runtime";
import { SandboxFunction } from "./sandbox";
import { Timers } from "./timers";

var MIN_INTERVAL_MS = 0.1;
var MAX_INTERVAL_MS = 3153600000000;

/** Keeps a sandbox function alive past the call that passed it. */
export function keep(v: unknown): unknown {
  return v instanceof SandboxFunction ? v.keep() : v;
}

export function release(v: unknown): void {
  if (v instanceof SandboxFunction) v.release();
}

export function espruinoTimers(host: RuntimeHost): { timers: Timers; globals: { [name: string]: (args: unknown[]) => unknown } } {
  var timers = new Timers(host.clock, function (last) {
    return last + 1;
  });
  function setTimer(args: unknown[], interval: boolean): number | undefined {
    var fn = args[0], ms = Number(args[1]), extra = args.slice(2).map(keep);
    if (!(fn instanceof SandboxFunction) && typeof fn !== "string") throw runtimeError("Error", "Function or String not supplied!");
    if (!(ms >= 0)) ms = 0;
    if (interval && ms < MIN_INTERVAL_MS) ms = MIN_INTERVAL_MS;
    if (ms > MAX_INTERVAL_MS) throw runtimeError("Error", "Interval is too long (>100 years)");
    var f = keep(fn) as SandboxFunction | string;
    return timers.add(
      function () {
        host.invoke(f, extra, interval ? "an interval callback" : "a timeout callback");
        return true; // an interval whose callback threw goes on
      },
      ms,
      interval ? ms : 0,
      function () {
        release(f);
        extra.forEach(release);
      },
    );
  }
  function clearTimer(args: unknown[], kind: string): void {
    if (!args.length) return timers.removeAll(false);
    if (args[0] === undefined) throw runtimeError("Error", "clear" + kind + "(undefined) not allowed. Use clear" + kind + "() instead");
    timers.remove(args[0]);
  }
  return {
    timers: timers,
    globals: {
      setTimeout: function (args: unknown[]) {
        return setTimer(args, false);
      },
      setInterval: function (args: unknown[]) {
        return setTimer(args, true);
      },
      clearTimeout: function (args: unknown[]) {
        clearTimer(args, "Timeout");
      },
      clearInterval: function (args: unknown[]) {
        clearTimer(args, "Interval");
      },
    },
  };
}
