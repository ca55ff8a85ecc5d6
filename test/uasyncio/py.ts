// Small Python shims for the ports of MicroPython's tests/extmod/asyncio_*.py,
// so the expected lines can stay exactly as Python prints them:
// print() formats its arguments as Python's str() does (True, None, lists),
// repr() as Python's repr(), ValueError and tuple() stand for Python's.
// Not a test file itself (mocha runs *.test.js only).

import { CancelledError, TimeoutError, UsageError } from "../../src";
import { runVirtual } from "../support/virtual";
import type { VirtualOptions } from "../support/virtual";
import type { VirtualClock } from "../../src/sim/virtual-clock";

export type Print = (...parts: unknown[]) => void;

/** Python's ValueError: keeps its args, prints as Python's repr does. */
export class ValueError {
  args: unknown[];
  constructor(...args: unknown[]) {
    this.args = args;
  }
  toString(): string {
    return repr(this);
  }
}

/** A Python tuple (repr "(a, b)"), for the tests that print one. */
export class Tuple {
  constructor(public items: unknown[]) {}
}

export function tuple(...items: unknown[]): Tuple {
  return new Tuple(items);
}

function tupleRepr(items: unknown[]): string {
  // MicroPython writes a one-element tuple as (x,), as Python does for tuples.
  return "(" + items.map(repr).join(", ") + (items.length === 1 ? ",)" : ")");
}

/** Python's repr() for the values these tests print. */
export function repr(x: unknown): string {
  if (x === undefined || x === null) return "None";
  if (x === true) return "True";
  if (x === false) return "False";
  if (typeof x === "string") return "'" + x + "'";
  if (x instanceof Array) return "[" + x.map(repr).join(", ") + "]";
  if (x instanceof Tuple) return tupleRepr(x.items);
  if (x instanceof ValueError) return "ValueError" + tupleRepr(x.args);
  // The scheduler's errors carry an explanatory message; Python's carry no args.
  if (x instanceof CancelledError) return "CancelledError()";
  if (x instanceof TimeoutError) return "TimeoutError()";
  if (x instanceof UsageError) return "UsageError(" + repr(x.code) + ")";
  return String(x);
}

/** Python's str(): as repr() except that a string is itself. */
export function str(x: unknown): string {
  return typeof x === "string" ? x : repr(x);
}

/** Wraps the harness's print so that it prints as Python's print() does. */
export function pyPrint(print: Print): Print {
  return function () {
    var parts: string[] = [], i: number;
    for (i = 0; i < arguments.length; i++) parts.push(str(arguments[i]));
    print.apply(undefined, parts);
  };
}

/**
 * For the tests whose script calls asyncio.run() several times, or prints
 * outside it: `print` prints as Python's (into `lines`), and `run(main)` runs
 * main on a fresh virtual loop (as asyncio.run does on a new loop) and
 * returns main's result or raises its exception, as asyncio.run does. While a
 * run is on, `print` goes through the harness, so its lines and the
 * harness's "handler: ..." lines stay in order.
 */
export class Script {
  lines: string[] = [];
  print: Print;
  _out: Print | undefined = undefined;
  constructor() {
    var self = this;
    this.print = pyPrint(function () {
      if (self._out) self._out.apply(undefined, arguments as any);
      else self.lines.push(Array.prototype.slice.call(arguments).join(" "));
    });
  }
  run<T>(main: (print: Print, clock: VirtualClock) => PromiseLike<T>, options?: VirtualOptions): T {
    var self = this, r;
    try {
      r = runVirtual(
        function (out, clock) {
          self._out = out;
          return main(self.print, clock);
        },
        { ...options, mainMayFail: true }, // result() below raises it, as asyncio.run does
      );
    } finally {
      self._out = undefined;
    }
    this.lines.push.apply(this.lines, r.lines);
    return r.task.result();
  }
}
