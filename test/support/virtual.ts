// Runs a program on a loop with a virtual clock: time jumps from deadline to
// deadline, so a test of minutes of firmware takes milliseconds. Also reports
// coroutines that were created and never awaited, as Python warns.

import { hooks } from "../../src/core/debug";
import type { Coroutine } from "../../src/core/coroutine";
import { Loop, setLoop } from "../../src/core/loop";
import { createMainTask } from "../../src/core/run";
import type { Task } from "../../src/core/task";
import { VirtualClock } from "../../src/sim/virtual-clock";

export interface VirtualOptions {
  /** Stop at this virtual time (ms) instead of when nothing is left to do. */
  untilMs?: number;
  /** Do not fail when a coroutine was never awaited (the test checks it). */
  allowNeverAwaited?: boolean;
  /** Fail if the loop wakes more often than this (a busy loop in the test). */
  maxWakeups?: number;
  /** The main task may end with an exception: return it in `error` instead of throwing. */
  mainMayFail?: boolean;
}

export interface VirtualRun<T> {
  task: Task<T>;
  clock: VirtualClock;
  loop: Loop;
  /** What print() and the exception handler wrote, in order. */
  lines: string[];
  /** "name (file:line)" of each coroutine created and never awaited. */
  neverAwaited: string[];
  /** The main task's exception (with options.mainMayFail). */
  error?: unknown;
}

function creator(): string {
  var stack = String(new Error().stack).split("\n"), i: number, m: RegExpMatchArray | null;
  for (i = 0; i < stack.length; i++) {
    if (stack[i].indexOf("__awaiter") >= 0) {
      m = /at (?:Object\.)?(\S+) \((.*)\)/.exec(stack[i + 1] || "");
      return m ? m[1] + " (" + m[2] + ")" : String(stack[i + 1]).trim();
    }
  }
  // A hand-written coroutine (every, gather) calls the hook itself: Error, creator, the hook, the maker.
  m = /at (?:Object\.)?(\S+) \((.*)\)/.exec(stack[3] || "");
  return m ? m[1] + " (" + m[2] + ")" : "unknown";
}

/**
 * Runs `main(print, clock)` on a fresh virtual loop until nothing is left to
 * do (or until options.untilMs). print() records a line in `lines`, to
 * compare against what uasyncio prints; `clock` is the virtual clock. Like
 * asyncio.run, it retrieves the main task's outcome and raises its exception
 * (unless options.mainMayFail).
 */
export function runVirtual<T>(
  main: (print: (...parts: unknown[]) => void, clock: VirtualClock) => PromiseLike<T>,
  options?: VirtualOptions,
): VirtualRun<T> {
  var opts = options || {};
  var clock = new VirtualClock(), loop = new Loop(clock), lines: string[] = [];
  var created: { c: Coroutine; name: string }[] = [];
  var prevLoop = setLoop(loop), prevHook = hooks.coroutineCreated;
  var wakeups = 0, max = opts.maxWakeups || 1000000, task: Task<T>;
  function print() {
    var parts: string[] = [], i: number;
    for (i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));
    lines.push(parts.join(" "));
  }
  loop._handler = function (ctx) {
    lines.push("handler: " + ctx.message + (ctx.task.name ? " (task " + ctx.task.name + ")" : "") + ": " + String(ctx.exception));
  };
  hooks.coroutineCreated = function (c) {
    var name = creator();
    c._name = name.split(" ")[0];
    created.push({ c: c, name: name });
  };
  try {
    task = createMainTask(function () {
      return main(print, clock);
    });
    task._onDone(function () {}); // its outcome is ours to report, as asyncio.run's caller's
    loop._run();
    if (opts.untilMs !== undefined) clock.advance(opts.untilMs - clock.now());
    else {
      while (clock.fireNext()) {
        if (++wakeups > max) throw new Error("the loop did not go idle after " + max + " wakeups: a task never waits?");
      }
    }
  } finally {
    setLoop(prevLoop);
    hooks.coroutineCreated = prevHook;
  }
  var neverAwaited = created.filter((x) => x.c.label === -1).map((x) => x.name);
  if (neverAwaited.length && !opts.allowNeverAwaited) {
    throw new Error("coroutine " + neverAwaited.join(", coroutine ") + " was never awaited");
  }
  var error: unknown;
  if (task.done() && task._error) {
    error = task._value;
    if (!opts.mainMayFail) throw new Error("the main task raised " + String(error) + "; it printed:\n" + lines.join("\n"));
  }
  return { task: task, clock: clock, loop: loop, lines: lines, neverAwaited: neverAwaited, error: error };
}

/** What String() of a UsageError gives: here its code and its message; a device keeps the code alone (device-mocha.ts). */
export function usageText(code: string, message: string): string {
  return "UsageError [" + code + "]: " + message;
}
