// The coroutine driver against V8's own async/await: each program is compiled
// twice, to native async functions (ES2017) and to ES5 state machines run by
// ristretto's helpers, and must print the same lines.

import assert = require("assert");
import ts = require("typescript");
import vm = require("vm");
import { sleepMs } from "../../src";
import * as helpers from "../../src/core/tslib";
import { runVirtual } from "../support/virtual";

var programs: { [name: string]: string } = {
  "values flow through nested awaits": `
    async function add(a: number, b: number) { await tick(); return a + b; }
    async function main() { log(await add(1, await add(2, 3))); }`,
  "a caught exception resumes after the catch": `
    async function boom() { await tick(); throw new Error("boom"); }
    async function main() {
      try { await boom(); log("not here"); } catch (e) { log("caught", (e as Error).message); }
      log("after");
    }`,
  "finally runs on return, throw and normal exit": `
    async function f(mode: number) {
      try { await tick(); if (mode === 1) return "returned"; if (mode === 2) throw new Error("thrown"); log("body done"); }
      finally { log("finally", mode); await tick(); log("finally resumed", mode); }
      return "fell through";
    }
    async function main() {
      log(await f(0)); log(await f(1));
      try { await f(2); } catch (e) { log("caught", (e as Error).message); }
    }`,
  "return inside finally overrides the exception": `
    async function f() { try { await tick(); throw new Error("lost"); } finally { return "finally wins"; } }
    async function main() { log(await f()); }`,
  "break and continue leave try blocks through their finally": `
    async function main() {
      for (var i = 0; i < 4; i++) {
        try { await tick(); if (i === 1) continue; if (i === 3) break; log("body", i); }
        finally { log("finally", i); }
      }
      log("loop done", i);
    }`,
  "nested try blocks unwind in order": `
    async function main() {
      try {
        try { await tick(); throw new Error("inner"); }
        catch (e) { log("inner catch"); await tick(); throw new Error("rethrown"); }
        finally { log("inner finally"); }
      } catch (e) { log("outer catch", (e as Error).message); }
      finally { log("outer finally"); }
    }`,
  "an exception thrown in a catch block reaches the caller": `
    async function f() { try { await tick(); throw 1; } catch (e) { throw 2; } }
    async function main() { try { await f(); } catch (e) { log("got", e); } }`,
  "switch and while loops with awaits in every branch": `
    async function main() {
      var n = 0;
      while (n < 5) {
        switch (n % 3) {
          case 0: await tick(); log("zero", n); break;
          case 1: log("one", n); await tick(); break;
          default: await tick(); log("two", n);
        }
        n++;
      }
    }`,
  "methods keep their this and arrows their outer this": `
    class Counter { n = 10; async inc() { await tick(); this.n++; var f = async () => { await tick(); return this.n; }; return f(); } }
    async function main() { var c = new Counter(); log(await c.inc(), await c.inc()); }`,
  "rest parameters, destructuring and spreads": `
    async function f(a: number, ...rest: number[]) { await tick(); var [x, y] = rest; var o = { a, ...{ x, y } }; return [o.a, o.x, o.y, ...rest].join(","); }
    async function main() { log(await f(1, 2, 3, 4)); }`,
  "an exception thrown before the first await still rejects the coroutine": `
    async function f(): Promise<void> { throw new Error("early"); }
    async function main() { try { await f(); } catch (e) { log("caught", (e as Error).message); } }`,
};

function compile(src: string, target: ts.ScriptTarget): string {
  return ts.transpileModule(src + "\nexports.main = main;", {
    compilerOptions: { target: target, module: ts.ModuleKind.CommonJS, noEmitHelpers: true },
  }).outputText;
}

function load(js: string, tick: () => unknown, log: (...a: unknown[]) => void): () => PromiseLike<void> {
  var mod = { exports: {} as { main: () => PromiseLike<void> } };
  var names = Object.keys(helpers), values = names.map((n) => (helpers as any)[n]);
  var fn = vm.runInThisContext("(function (exports, tick, log, " + names.join(", ") + ") {" + js + "\n})");
  fn.apply(null, [mod.exports, tick, log].concat(values));
  return mod.exports.main;
}

describe("coroutines compiled to ES5 behave as native async functions", function () {
  Object.keys(programs).forEach(function (name) {
    it(name, async function () {
      var native: string[] = [], ours: string[] = [];
      var logTo = (out: string[]) => (...a: unknown[]) => out.push(a.map(String).join(" "));
      await load(compile(programs[name], ts.ScriptTarget.ES2017), () => null, logTo(native))();
      var main = load(compile(programs[name], ts.ScriptTarget.ES5), () => sleepMs(0), logTo(ours));
      var r = runVirtual(() => main());
      assert.ok(native.length > 0, "the program printed nothing");
      assert.deepStrictEqual(ours, native);
      assert.strictEqual(r.task.done(), true);
    });
  });
});
