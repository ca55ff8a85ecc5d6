// Engines to run a built bundle in, from the host: QuickJS
// (quickjs-emscripten), a fresh Node context, and the Duktape and mujs
// command-line interpreters (Debian packages duktape, mujs). Each gets the
// timer shim (timer-shim.ts) and is driven the same way: evaluate, run
// pending jobs, fire due timers until none is left. Host only.

import childProcess = require("child_process");
import fs = require("fs");
import os = require("os");
import path = require("path");
import vm = require("vm");
import { SHIM } from "./timer-shim";

export type Print = (line: string) => void;

export interface Engine {
  name: string;
  eval(code: string): void;
  /** Runs microtasks and due timers until no timer is due by `limit` (virtual ms). */
  drain(limit: number): void;
  /** Fires every timer in a loop inside the engine: only for programs that need no microtasks (ristretto's). */
  fireAll(): void;
  /** Bytes in use, where the engine can say. */
  memory(): number | undefined;
  dispose(): void;
}

export async function quickjs(onPrint?: Print): Promise<Engine> {
  var q = await import("quickjs-emscripten");
  var mod = await q.getQuickJS();
  var rt = mod.newRuntime();
  var ctx = rt.newContext();
  var print = ctx.newFunction("__print", function (h) {
    (onPrint || console.log)(ctx.getString(h));
  });
  ctx.setProp(ctx.global, "__print", print);
  print.dispose();
  function evalCode(code: string) {
    var r = ctx.evalCode(code);
    if (r.error) {
      var e = ctx.dump(r.error);
      r.error.dispose();
      throw new Error("QuickJS: " + JSON.stringify(e));
    }
    var v = ctx.dump(r.value);
    r.value.dispose();
    return v;
  }
  function jobs() {
    var r = rt.executePendingJobs(-1);
    if (r.error) {
      var e = ctx.dump(r.error);
      r.error.dispose();
      throw new Error("QuickJS job: " + JSON.stringify(e));
    }
  }
  evalCode(SHIM);
  return {
    name: "QuickJS",
    eval: function (code) {
      evalCode(code);
      jobs();
    },
    drain: function (limit) {
      jobs();
      while (evalCode("__fire(" + limit + ")")) jobs();
    },
    fireAll: function () {
      evalCode("while (__fire(Infinity));");
    },
    memory: function () {
      var h = rt.computeMemoryUsage();
      var m = ctx.dump(h);
      h.dispose();
      return m.memory_used_size;
    },
    dispose: function () {
      ctx.dispose();
      rt.dispose();
    },
  };
}

export async function node(onPrint?: Print): Promise<Engine> {
  var context = vm.createContext({ __print: onPrint || console.log }, { microtaskMode: "afterEvaluate" });
  vm.runInContext(SHIM, context);
  return {
    name: "Node",
    eval: function (code) {
      vm.runInContext(code, context);
    },
    drain: function (limit) {
      while (vm.runInContext("__fire(" + limit + ")", context));
    },
    fireAll: function () {
      vm.runInContext("while (__fire(Infinity));", context);
    },
    memory: function () {
      return undefined;
    },
    dispose: function () {},
  };
}

/**
 * mujs's String() of a built-in error appends its stack, where the runtimes
 * ristretto runs on give "Error: message" (an Espruino bundle prints
 * String(e): errors.ts); no board runs mujs, so its errors are made to read
 * as theirs.
 */
var MUJS_ERRORS = 'Error.prototype.toString = function () { return (this.name || "Error") + ": " + this.message; };\n';

/** Runs `code` to the end in a command-line interpreter (`duk`, `mujs`); gives what it printed. */
export function runInCli(command: string, code: string): string[] {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-")), file = path.join(dir, "bundle.js"), r: childProcess.SpawnSyncReturns<string>;
  try {
    fs.writeFileSync(file, "var __print = print;\n" + (command === "mujs" ? MUJS_ERRORS : "") + SHIM + "\n" + code + "\nwhile (__fire(Infinity));\n");
    r = childProcess.spawnSync(command, [file], { encoding: "utf8", timeout: 60000 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (r.error) {
    var missing = (r.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(missing ? command + " is not installed: apt-get install -y duktape mujs (.ci/run does)" : String(r.error));
  }
  if (r.status !== 0) throw new Error(command + " exited with " + r.status + ": " + r.stderr + r.stdout);
  return r.stdout.split("\n").filter(function (l) {
    return l !== "";
  });
}

/** Runs `code` to the end on QuickJS or Node; gives what it printed. */
export async function runToEnd(make: (p: Print) => Promise<Engine>, code: string): Promise<string[]> {
  var lines: string[] = [];
  var e = await make(function (l) {
    lines.push(l);
  });
  try {
    e.eval(code);
    e.drain(Infinity);
  } finally {
    e.dispose();
  }
  return lines;
}
