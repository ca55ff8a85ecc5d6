// The engines the benchmark runs scripts in: QuickJS (quickjs-emscripten)
// and a fresh Node context. Both get the timer shim and are driven the same
// way: evaluate, run pending jobs, fire due timers until none is left.

import vm = require("vm");
import { SHIM } from "./shim";

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

export async function quickjs(): Promise<Engine> {
  var q = await import("quickjs-emscripten");
  var mod = await q.getQuickJS();
  var rt = mod.newRuntime();
  var ctx = rt.newContext();
  var print = ctx.newFunction("__print", function (h) {
    console.log("  [quickjs] " + ctx.getString(h));
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

export async function node(): Promise<Engine> {
  var context = vm.createContext({ __print: (s: string) => console.log("  [node] " + s) }, { microtaskMode: "afterEvaluate" });
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
