// A QuickJS context (quickjs-emscripten) seen from the host: globals that
// are host functions, code to evaluate, sandbox functions to call back, and
// what the sandbox threw, as host values. quickjs-emscripten is loaded only
// when a sandbox is made. Host only.

import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from "quickjs-emscripten";

/** A global the runtime provides: called with the arguments as host values (a sandbox function as a SandboxFunction). */
export type HostFunction = (args: unknown[]) => unknown;

/** What the sandbox threw, as host values. */
export interface Thrown {
  /** The thrown value as ctx.dump gives it ({ name, message, stack } for an Error). */
  value: unknown;
  /** As ristretto's errorText() prints it: "Error: boom", or String(value) for what is not an Error. */
  text: string;
  /** QuickJS's stack ("    at f (blink.js:1:30)" lines), "" when the value is not an Error. */
  stack: string;
  /** QuickJS ran out of the memory its limit allows. */
  outOfMemory: boolean;
  /** The interrupt handler stopped it (busy too long). */
  interrupted: boolean;
}

export var OUT_OF_MEMORY = "InternalError: out of memory";

/** Bytes short of the limit within which a thrown null is QuickJS out of memory (seen at 24 to 104 short). */
var NEAR_LIMIT = 1024;

/** A host Error for what the sandbox threw: its message is the engine's, `thrown` has the rest. */
export type SandboxError = Error & { thrown: Thrown };

export function isSandboxError(e: unknown): e is SandboxError {
  return !!e && typeof e === "object" && !!(e as SandboxError).thrown;
}

function sandboxError(t: Thrown): SandboxError {
  var v = t.value as { name?: unknown; message?: unknown } | null, isError = !!t.stack || (!!v && typeof v === "object" && typeof v.message === "string");
  var e = new Error(isError && v ? String(v.message) : t.text) as SandboxError;
  if (isError && v && typeof v.name === "string") e.name = v.name;
  e.thrown = t;
  return e;
}

/** A function of the sandbox. Passed to a host function, it lives for that call unless kept. */
export class SandboxFunction {
  _kept = false;

  constructor(
    public _box: Sandbox,
    public _h: QuickJSHandle,
  ) {}

  /** Keeps it past the call that received it (a timer's or a watch's callback), until release(). */
  keep(): SandboxFunction {
    if (!this._kept) {
      this._h = this._h.dup();
      this._kept = true;
      this._box._kept.push(this);
    }
    return this;
  }

  release(): void {
    if (!this._kept) return;
    this._kept = false;
    if (this._h.alive) this._h.dispose();
    var k = this._box._kept, i = k.indexOf(this);
    if (i >= 0) k.splice(i, 1);
  }

  /** Calls it with `args` (host values); what it throws is thrown as a SandboxError. */
  call(args: unknown[]): void {
    this._box._call(this._h, args);
  }
}

export class Sandbox {
  ctx: QuickJSContext;
  _kept: SandboxFunction[] = [];
  /** The memory limit as QuickJS counts it; -1: none. */
  _limit = -1;

  constructor(mod: QuickJSWASMModule) {
    this.ctx = mod.newContext(); // owns its runtime; computeMemoryUsage uses this context
  }

  /** Makes `name` a global that calls `fn`. A host Error thrown by fn is thrown in the sandbox with its name and message. */
  define(name: string, fn: HostFunction): void {
    var self = this, ctx = this.ctx;
    var h = ctx.newFunction(name, function () {
      var args: unknown[] = [];
      for (var i = 0; i < arguments.length; i++) args.push(self._toHost(arguments[i]));
      return self._toHandle(fn(args));
    });
    ctx.setProp(ctx.global, name, h);
    h.dispose();
  }

  /** Makes `name` a global with a plain value (numbers, strings, objects and arrays of them). */
  set(name: string, value: unknown): void {
    var h = this._toHandle(value);
    this.ctx.setProp(this.ctx.global, name, h);
    if (h.alive) h.dispose();
  }

  /** Evaluates `code` as a global script named `file`; gives its value as ctx.dump does. */
  run(code: string, file?: string): unknown {
    var r = this.ctx.evalCode(code, file || "eval.js", { type: "global" });
    if (r.error) throw sandboxError(this._thrown(r.error));
    var h = r.value, v = this.ctx.dump(h);
    if (h.alive) h.dispose();
    return v;
  }

  /** Runs pending promise jobs. */
  jobs(): void {
    var r = this.ctx.runtime.executePendingJobs(-1);
    if (r.error) throw sandboxError(this._thrown(r.error));
  }

  /** Allocations and the bytes QuickJS counts against its limit (8 a block where the allocator cannot tell sizes, as in these builds). */
  usage(): { blocks: number; size: number } {
    var report = this.ctx.runtime.dumpMemoryUsage(), m = /memory allocated\s+(\d+)\s+(\d+)/.exec(report);
    if (!m) throw new Error('QuickJS\'s memory report has no "memory allocated" line any more (quickjs-emscripten changed?):\n' + report);
    return { blocks: +m[1], size: +m[2] };
  }

  /** Sets the limit, as usage().size counts; -1 for none. */
  limit(size: number): void {
    this._limit = size;
    this.ctx.runtime.setMemoryLimit(size);
  }

  /** `stop` is asked now and then while code runs; true interrupts it (an uncatchable "InternalError: interrupted"). */
  interruptWhen(stop: () => boolean): void {
    this.ctx.runtime.setInterruptHandler(stop);
  }

  dispose(): void {
    this._kept.slice().forEach(function (f) {
      f.release();
    });
    if (this.ctx.alive) this.ctx.dispose();
  }

  _call(fn: QuickJSHandle, args: unknown[]): void {
    var self = this, ctx = this.ctx;
    var hs = args.map(function (a) {
      return self._toHandle(a);
    });
    var r = ctx.callFunction(fn, ctx.undefined, hs);
    hs.forEach(function (h) {
      if (h.alive) h.dispose();
    });
    if (r.error) throw sandboxError(this._thrown(r.error));
    r.value.dispose();
  }

  _toHost(h: QuickJSHandle): unknown {
    var t = this.ctx.typeof(h);
    if (t === "function") return new SandboxFunction(this, h);
    return this.ctx.dump(h);
  }

  _toHandle(v: unknown): QuickJSHandle {
    var ctx = this.ctx, self = this, h: QuickJSHandle;
    if (v === undefined) return ctx.undefined;
    if (v === null) return ctx.null;
    if (typeof v === "boolean") return v ? ctx.true : ctx.false;
    if (typeof v === "number") return ctx.newNumber(v);
    if (typeof v === "string") return ctx.newString(v);
    if (v instanceof SandboxFunction) return v._h.dup();
    h = Array.isArray(v) ? ctx.newArray() : ctx.newObject();
    Object.keys(v as object).forEach(function (k) {
      var p = self._toHandle((v as { [k: string]: unknown })[k]);
      ctx.setProp(h, Array.isArray(v) ? +k : k, p);
      if (p.alive) p.dispose();
    });
    return h;
  }

  /** Reads what was thrown (and disposes its handle), with the limit lifted: reading it needs memory too. */
  _thrown(err: QuickJSHandle): Thrown {
    var ctx = this.ctx, limit = this._limit, value: unknown, text: string, stack = "";
    if (limit >= 0) ctx.runtime.setMemoryLimit(-1);
    try {
      value = ctx.dump(err);
      var v = value as { name?: unknown; message?: unknown; stack?: unknown } | null;
      if (v && typeof v === "object" && typeof v.message === "string" && typeof v.stack === "string") {
        text = (v.name || "Error") + ": " + v.message;
        stack = v.stack;
      } else {
        var s = ctx.getProp(ctx.global, "String"), r = ctx.callFunction(s, ctx.undefined, err);
        s.dispose();
        if (r.error) {
          r.error.dispose();
          text = JSON.stringify(value);
        } else {
          text = ctx.getString(r.value);
          r.value.dispose();
        }
      }
    } finally {
      if (err.alive) err.dispose();
      if (limit >= 0) ctx.runtime.setMemoryLimit(limit);
    }
    // Where QuickJS has no memory left even for its out-of-memory error, what it throws is null: near the limit, a
    // thrown null is taken for that (a program's own `throw null` there would read the same, and is out of room anyway).
    if (value === null && limit >= 0 && this.usage().size > limit - NEAR_LIMIT) text = OUT_OF_MEMORY;
    return { value: value, text: text, stack: stack, outOfMemory: text === OUT_OF_MEMORY, interrupted: text === "InternalError: interrupted" };
  }
}
