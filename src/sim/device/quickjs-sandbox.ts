// A small sandbox for the virtual device (sandbox.ts): QuickJS
// (quickjs-emscripten) with the part of Espruino's runtime that a REPL
// session needs: print and console.log (formatted as Espruino does),
// setTimeout/setInterval/clearTimeout/clearInterval on a virtual clock,
// getTime, and digitalWrite/digitalRead/pinMode on the board's pin names.
// A script that runs longer than `budgetMs` of real time is interrupted
// (Espruino's Ctrl-C cannot reach a host that is busy evaluating). The bundle
// simulator (bundle-sim.ts) is the full board; this one lets the device run
// and be tested on its own. Host only.

import { boardNames } from "../../build/boards";
import { espruinoJSON, PRINT_FLAGS } from "./format";
import { SandboxFunction } from "./sandbox";
import type { Sandbox, SandboxFactory, SandboxOptions } from "./sandbox";

export interface QuickjsSandboxOptions {
  /** Bytes the engine may allocate (default: no limit). */
  memoryLimit?: number;
  /** Real milliseconds one eval or one timer may run before it is interrupted (default 2000). */
  budgetMs?: number;
}

// Timers ordered by due time, then by creation; ids are integers as on Espruino.
var RUNTIME = [
  "var __now = 0, __timers = [], __nextId = 1;",
  "function __errorText(e) { return e instanceof Error ? e.name + ': ' + e.message : String(e); }",
  "function __addTimer(fn, ms, args, interval) {",
  "  if (typeof fn === 'string') { var src = fn; fn = function () { (0, eval)(src); }; }",
  "  if (typeof fn !== 'function') throw new Error('Function or String not supplied!');",
  "  var t = { id: __nextId++, at: __now + (ms > 0 ? ms : 0), ms: ms > 0 ? ms : 0, fn: fn, args: args, interval: interval }, i = __timers.length;",
  "  while (i > 0 && __timers[i - 1].at > t.at) i--;",
  "  __timers.splice(i, 0, t); return t.id; }",
  "function setTimeout(fn, ms) { return __addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), false); }",
  "function setInterval(fn, ms) { return __addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), true); }",
  "function clearTimeout(id) { if (id === undefined) { __timers = []; return; }",
  "  for (var i = 0; i < __timers.length; i++) if (__timers[i].id === id) { __timers.splice(i, 1); return; } }",
  "var clearInterval = clearTimeout;",
  "function __fire(limit) { var t = __timers[0]; if (!t || t.at > limit) return false; __timers.shift(); __now = t.at;",
  "  if (t.interval) { t.at += Math.max(t.ms, 1); var i = __timers.length; while (i > 0 && __timers[i - 1].at > t.at) i--; __timers.splice(i, 0, t); }",
  "  try { t.fn.apply(undefined, t.args); } catch (e) { __print(JSON.stringify('Uncaught ' + __errorText(e))); }",
  "  return true; }",
  "Date.now = function () { return __now; };",
  "function getTime() { return __now / 1000; }",
  "var __format = " + String(espruinoJSON) + ";",
  "function print() { var a = []; for (var i = 0; i < arguments.length; i++) a.push(typeof arguments[i] === 'string' ? arguments[i] : __format(arguments[i], " + PRINT_FLAGS + "));",
  "  __print(JSON.stringify(a.join(' '))); }",
  "var console = { log: print, info: print, warn: print, error: print, debug: print };",
  "var __pins = {};",
  "function digitalWrite(pin, value) { __pins[String(pin)] = value ? 1 : 0; }",
  "function digitalRead(pin) { return __pins[String(pin)] ? 1 : 0; }",
  "function pinMode() {}",
].join("\n");

/** A SandboxFactory making QuickJS sandboxes. */
export function quickjsSandbox(options?: QuickjsSandboxOptions): SandboxFactory {
  var opts = options || {};
  return function (o: SandboxOptions): Promise<Sandbox> {
    return import("quickjs-emscripten").then(function (q) {
      return q.getQuickJS();
    }).then(function (mod) {
      var rt = mod.newRuntime(), deadline = Infinity, budget = opts.budgetMs || 2000;
      if (opts.memoryLimit) rt.setMemoryLimit(opts.memoryLimit);
      rt.setInterruptHandler(function () {
        return Date.now() > deadline;
      });
      var ctx = rt.newContext();
      // Strings cross as JSON: quickjs-emscripten's getString stops at the first NUL, and Storage holds binary strings.
      var print = ctx.newFunction("__print", function (h) {
        o.print(JSON.parse(ctx.getString(h)));
      });
      ctx.setProp(ctx.global, "__print", print);
      print.dispose();

      function run(code: string, file?: string): unknown {
        deadline = Date.now() + budget;
        try {
          var r = ctx.evalCode(code, file);
          if (r.error) {
            var e = ctx.dump(r.error);
            r.error.dispose();
            throw new Error(e && typeof e === "object" && "message" in e ? (e.name ? e.name + ": " : "") + e.message : String(e));
          }
          var v: unknown;
          if (ctx.typeof(r.value) === "function") {
            var src = String(ctx.dump(r.value)), m = /^[^(]*\(([^)]*)\)/.exec(src), p = m ? m[1].replace(/\s+/g, "") : "";
            v = new SandboxFunction(p ? p.split(",") : []);
          } else if (ctx.typeof(r.value) === "string") {
            var json = ctx.getProp(ctx.global, "JSON"), stringify = ctx.getProp(json, "stringify"), s = ctx.unwrapResult(ctx.callFunction(stringify, json, r.value));
            v = JSON.parse(ctx.getString(s));
            s.dispose();
            stringify.dispose();
            json.dispose();
          } else v = ctx.dump(r.value);
          r.value.dispose();
          var jobs = rt.executePendingJobs(-1);
          if (jobs.error) jobs.error.dispose();
          return v;
        } finally {
          deadline = Infinity;
        }
      }
      run(RUNTIME);
      boardNames(o.board).forEach(function (n) {
        run("var " + n.name + " = " + JSON.stringify(n.value) + ";");
      });

      return {
        eval: run,
        advance: function (ms: number) {
          var limit = "(__now + " + Math.max(0, ms) + ")", to = run(limit) as number;
          while (run("__fire(" + to + ")"));
          run("__now = " + to + ";");
        },
        memory: function () {
          var h = rt.computeMemoryUsage(), m = ctx.dump(h);
          h.dispose();
          return m.memory_used_size;
        },
        dispose: function () {
          ctx.dispose();
          rt.dispose();
        },
      };
    });
  };
}
