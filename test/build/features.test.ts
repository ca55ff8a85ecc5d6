// The device build leaves out then(), try regions, a task's waiters, the awaiting of a task, the adopting of a
// returned awaitable, the driver's jumps and the awaiting of foreign thenables when nothing in the program can reach them (src/build/features-plugin.ts): how it decides.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { loadBundle } from "ristretto/sim";
import type { RenderedChunk } from "rollup";
import MagicString from "magic-string";
import { dropOffProperties, featuresOf } from "../../src/build/features-plugin";
import type { Flags } from "../../src/build/features-plugin";

var ROOT = path.resolve("/ristretto");

/** A chunk of the app's code and, optionally, code of ristretto's own core. */
function chunk(app: string, own?: string, ownFile?: string): RenderedChunk {
  var modules: { [id: string]: { code: string } } = {};
  modules[path.join("/app/main.ts")] = { code: app };
  if (own) modules[path.join(ROOT, ownFile || "src/core/x.ts")] = { code: own };
  return { modules: modules } as unknown as RenderedChunk;
}

/** The device bundle (espruino-pico) of an app whose main.ts is `lines`, built in a directory of its own; without its source map's line. */
async function deviceBundle(name: string, lines: string[]): Promise<string> {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-" + name + "-")), out = path.join(dir, "out");
  fs.writeFileSync(path.join(dir, "main.ts"), lines.concat("").join("\n"));
  var r = await build({ app: dir, board: "espruino-pico", outDir: out }), code = fs.readFileSync(path.join(out, r.file), "utf8");
  fs.rmSync(dir, { recursive: true, force: true });
  return code.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "");
}

/** What a device bundle prints on the bundle simulator (espruino-pico) in its first `ms`, each line after its time; it raises nothing. */
async function printed(code: string, ms: number): Promise<string[]> {
  var sim = await loadBundle("espruino-pico", code);
  await sim.advance(ms);
  assert.deepStrictEqual(sim.errors, []);
  return sim.console.map((c) => c.t + " " + c.text);
}

describe("which features a bundle keeps", function () {
  it("keeps neither then() nor try regions for a program that mentions no then and has no try around an await", function () {
    var own = "function sleepMs(ms) {} var _a;";
    assert.deepStrictEqual(featuresOf(chunk("var led; led.toggle(); return [4, sleepMs(500), _a.label = 1];", own), ROOT), { THEN: false, TRYS: false, FINALLY: false, WAITERS: false, AWAIT_TASK: false, ADOPT: false, AWAITS: true, CANCEL: false, JUMPS: false, FOREIGN: false, MAIN_COROUTINE: false, PROMOTE: false, EVERY_RESULT: false, RETURN_EXCEPTIONS: false, REUSE_CHECK: false, YIELDS: false });
  });

  it("keeps then(), and with it the try regions its rejection handler needs, when the app mentions then, catch, finally, Promise or require", function () {
    ["t.then(f)", "t.catch(f)", "t .finally(f)", 't["then"](f)', "Promise.resolve(t)", 'require("Storage")'].forEach(function (app) {
      assert.deepStrictEqual(featuresOf(chunk(app), ROOT), { THEN: true, TRYS: true, FINALLY: false, WAITERS: true, AWAIT_TASK: true, ADOPT: true, AWAITS: true, CANCEL: false, JUMPS: false, FOREIGN: true, MAIN_COROUTINE: false, PROMOTE: false, EVERY_RESULT: false, RETURN_EXCEPTIONS: false, REUSE_CHECK: true, YIELDS: false }, app);
    });
  });

  it("does not count ristretto's own mentions of then, nor a try block's catch", function () {
    var own = 'function f() {} function g() {} if (typeof th.then === "function") th.then(ok, no);';
    assert.deepStrictEqual(featuresOf(chunk("try { f(); } catch (e) { g(e); }", own), ROOT), { THEN: false, TRYS: false, FINALLY: false, WAITERS: false, AWAIT_TASK: false, ADOPT: false, AWAITS: false, CANCEL: false, JUMPS: false, FOREIGN: false, MAIN_COROUTINE: false, PROMOTE: false, EVERY_RESULT: false, RETURN_EXCEPTIONS: false, REUSE_CHECK: false, YIELDS: false });
  });

  it("keeps a task's waiters only when code can reach a task: createTask, currentTask, promote or a done callback, run()'s value, or then()", function () {
    ["createTask(blink())", "var me = currentTask();", "t = promote$1(aws[i]);", "t._onDone(cb);", "var main = run(app);", "t.then(f)", "var spawn = createTask;", "var go = run; go(app);"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app), ROOT).WAITERS, true, app);
    });
    assert.strictEqual(featuresOf(chunk("", "t = promote(aws[i]);", "src/funcs/gather.ts"), ROOT).WAITERS, true, "a function of ristretto's that reaches a task");
  });

  it("has run() take a coroutine only where some run() call passes something but a function, or run is passed on", function () {
    var own = "function run(main) { return promote(main); }";
    ["run(function () { return blink(); });", "run(() => blink());", "function talk() { return t(); }\nrun(talk);", "setup(function () {});"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, "src/core/run.ts"), ROOT).MAIN_COROUTINE, false, app);
    });
    ["run(main());", "var main = f();\nrun(main);", "function talk() {}\ntalk = g;\nrun(talk);", "var go = run;\ngo(f);", "run();"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, "src/core/run.ts"), ROOT).MAIN_COROUTINE, true, app);
    });
  });

  it("has every() use what its function returns only where some call may pass one that returns a value, or every is passed on", function () {
    var own = "function every(ms, fn) { return new Coroutine(ticking); }", file = "src/io/every.ts";
    ["every(500, function () { led.toggle(); });", "every(10, function (n) { if (n) { return; } f(function () { return 1; }); });", "function tick() { led.toggle(); }\nevery(100, tick);", "every(10, () => { g(); });", ""].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, file), ROOT).EVERY_RESULT, false, app);
    });
    [
      "every(10, function (n) { return n < 3; });",
      "every(10, () => led.toggle());",
      "every(10, function () { return __generator(function (_a) { return [2]; }); });",
      "every(10, tick);",
      "function tick() {}\ntick = g;\nevery(10, tick);",
      "var e = every;\ne(10, f);",
    ].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, file), ROOT).EVERY_RESULT, true, app);
    });
    assert.strictEqual(featuresOf(chunk("every$1(10, () => 1);", "function every$1(ms, fn) { return c; }", file), ROOT).EVERY_RESULT, true, "every renamed by rollup");
    assert.strictEqual(featuresOf(chunk("every(10, () => 1);"), ROOT).EVERY_RESULT, false, "a function of the app's own named every, without ristretto's");
  });

  it("keeps promote()'s tests where gather, shield or waitFor may be given what was not made in the call, run() may get a coroutine, or some run() is given a function that is not async", function () {
    var own = "function run(main) { return promote(main); }", asyncFn = "function () { var i; return __generator(function (_a) { return [2]; }); }";
    ["run(" + asyncFn + ");", "function talk(n) { if (n === void 0) { n = 2; } return __generator$1(function (_a) { return [2]; }); }\nrun(talk);", ""].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, "src/core/run.ts"), ROOT).PROMOTE, false, app);
    });
    ["run(function () { return createTask(blink()); });", "run(() => blink(1));", "function talk() { return t(); }\nrun(talk);", "run(main());"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, "src/core/run.ts"), ROOT).PROMOTE, true, app);
    });
    [
      ["src/funcs/gather.ts", "gather$1", "gather$1(list);"],
      ["src/funcs/shield.ts", "shield", "shield(t);"],
      ["src/funcs/wait-for.ts", "waitForMs", "waitForMs(t, 10);"],
    ].forEach(function (f) {
      assert.strictEqual(featuresOf(chunk("run(" + asyncFn + ");\n" + f[2], "function " + f[1] + "(aw) { t = promote$1(aw); }", f[0]), ROOT).PROMOTE, true, f[0]);
    });
  });

  describe("where coroutines go: promote() for gather, shield and waitFor (src/build/fresh-coroutines.ts), the reuse check (consumed-coroutines.ts)", function () {
    var tick = "function tick(n) { var i; return __generator(function (_a) { return [2]; }); }\n";
    var blink = "function blink(p) { var led = output(p); return every$1(p, function () { led.toggle(); }); }\n";
    /** The flags for an app beside ristretto's createTask, gather, shield, waitFor and every (as rollup renders some: gather$1, every$1), and the modules of ristretto's named in `own`. */
    function flags(app: string, own?: string[]): Flags {
      var c = chunk(tick + app, "function createTask(coro, name) { var t; t = new Task(coro); return t; }\nvar Task = (function () { function Task(co) { this.co = co; } return Task; }());", "src/core/create-task.ts"), m = c.modules as any;
      m[path.join(ROOT, "src/core/tslib.ts")] = { code: "function __generator(body) { return new Coroutine(body); }\nfunction Coroutine(body) {}" };
      m[path.join(ROOT, "src/funcs/gather.ts")] = { code: "function gather$1(aws, options) { t = promote$1(aws[i]); return c; }" };
      m[path.join(ROOT, "src/funcs/shield.ts")] = { code: "function shield(aw) { return new Shielded(promote$1(aw)); }" };
      m[path.join(ROOT, "src/funcs/wait-for.ts")] = { code: "function waitForMs(aw, ms) { var t = promote$1(aw); return __generator(function (_a) { return [2]; }); }\nfunction waitFor(aw, s) { return waitForMs(aw, s * 1000); }" };
      m[path.join(ROOT, "src/io/every.ts")] = { code: "function every$1(ms, fn) { var c = new Coroutine(ticking); return c; }" };
      m[path.join(ROOT, "src/funcs/task-group.ts")] = { code: "function taskGroup(body) { return __generator(function (_a) { return [4, body(tg), _a.label = 1]; }); }\nTaskGroup.prototype.createTask = function (coro) { return createTask(coro); };" };
      m[path.join(ROOT, "src/sync/queue.ts")] = { code: "Queue.prototype.put = function (item) { return __generator(function (_a) { return [2]; }); };" };
      m[path.join(ROOT, "src/core/run.ts")] = { code: "function run(main) { return createTask(main()); }" };
      (own || []).forEach((f) => (m[path.join(ROOT, f)] = { code: "function f(body) { return __generator(function (_a) { return [4, body()]; }); }" }));
      return featuresOf(c, ROOT);
    }
    /** An async function main(o), lowered, whose body is `b`. */
    function body(b: string): string {
      return "function main(o) { var co; return __generator(function (_a, _s) { " + b + " }); }\n";
    }
    /** PROMOTE for an app with blink(), which returns every()'s coroutine, and a run() of an async function. */
    function promotes(app: string): boolean {
      return flags(blink + "run(" + tick.replace("function tick(n)", "function (m)") + ");\n" + app).PROMOTE;
    }

    it("leaves them out where each is given coroutines made in the call: of async functions, every(), gather(), or functions that return one", function () {
      [
        "",
        "gather$1([tick(1), blink(2)]);",
        "gather$1([]);",
        "shield(tick(1)); waitFor(tick(2), 1); waitForMs(blink(3), 5);",
        "gather$1([gather$1([tick(1)]), twice(2)]);\nfunction twice(n) { if (n > 1) return gather$1([tick(n), tick(n)]); return tick(n); }",
        "gather$1([later(1)]);\nfunction later(n) { var c = 1; return every$1(n, function () { return c; }); }",
        "function main(port) { waitForMs(port.readline(), 5); }\nvar Uart = function () {}, output = Uart;\nUart.prototype.readline = function () { return __generator(function (_a) { return [2]; }); };",
      ].forEach(function (app) {
        assert.strictEqual(promotes(app), false, app);
      });
    });

    it("keeps them where one may be given anything else, or is passed on", function () {
      [
        "gather$1(list);",
        "gather$1([tick(1), t]);",
        "gather$1([tick(1), ...more]);",
        "gather$1([tick(1), , tick(2)]);",
        "gather$1([createTask(tick(1))]);",
        "gather$1([function () { return t; }()]);",
        "shield(t);",
        "waitFor(obj.read(), 1);",
        "waitForMs(sleep(1), 5);",
        "var g = gather$1; g([tick(1)]);",
        "gather$1([made(1)]);\nfunction made(n) { if (n) return tick(n); }",
        "gather$1([kept(1)]);\nfunction kept(n) { return co; }",
        "gather$1([a(1)]);\nfunction a(n) { return b(n); }\nfunction b(n) { return a(n); }",
        "tick = other; gather$1([tick(1)]);",
        "function f(tick) { return gather$1([tick(1)]); }",
        "function f(_a) { var tick = _a.tick; return gather$1([tick(1)]); }",
        "function f({ tick }) { return gather$1([tick(1)]); }",
        "try { g(); } catch (tick) { gather$1([tick(1)]); }",
        "var every$1 = f; gather$1([every$1(1, g)]);",
        // a method: one the program does not define, or defines but not as an async one, a built-in's, a runtime object's
        "function main(port) { waitForMs(port.readline(), 5); }\nvar Uart = function () {}, output = Uart;",
        "function main(port) { waitForMs(port.readline(), 5); }\nvar Uart = function () {}, output = Uart, co;\nUart.prototype.readline = function () { return __generator(function (_a) { return [2]; }); };\nUart.prototype.readline = function () { return co; };",
        "function main(list) { waitForMs(list.slice(), 5); }\nvar Uart = function () {}, output = Uart;\nUart.prototype.slice = function () { return __generator(function (_a) { return [2]; }); };",
        "function main(port) { waitForMs(port.readline(), 5); }\nvar Uart = function () {}, output = Uart;\nUart.prototype.readline = function () { return __generator(function (_a) { return [2]; }); };\nBangle.buzz();",
      ].forEach(function (app) {
        assert.strictEqual(promotes(app), true, app);
      });
    });

    it("checks no coroutine for reuse where the app consumes each coroutine where it makes it", function () {
      [
        "",
        body("return [4, tick(1), _a.label = 1];"),
        body("return [4, gather$1([tick(1), every$1(5, g)]), _a.label = 1];") + "function g() {}",
        "createTask(tick(1)); createTask(every$1(5, g));\nfunction g() {}",
        "createTask(function () { return __generator(function (_a) { return [2]; }); }());",
        "function main(n) { return __generator(function (_a) { if (n) return [2, tick(n)]; return [2, n > 1 ? 'a' + n : [n, { n: n }]]; }); }",
        // an await or a start of what a method, a local kept once or a function of the app's gives
        body("return [4, o.wait(), _a.label = 1];"),
        body("return [4, o.readline(), _a.label = 1];") + "Uart.prototype.readline = function () { return __generator(function (_a) { return [2, 'x']; }); };",
        "var co = tick(1); createTask(co);",
        body("switch (_a.label) { case 0: co = tick(1); var t = createTask(co); t.cancel(); return [4, gather$1([tick(2)]), _a.label = 1]; case 1: return [2, _s]; }"),
        "function later(n) { return tick(n); }\ncreateTask(later(1));",
        // what gives none, kept or passed on: a global's, a class's, a function's of numbers, a built-in's
        "var n = Math.floor(rand(3)), led = new C(), s = String(n), a = [].slice.call(arguments), e = new Error('x');\nfunction rand(k) { return k * 2 + 1; }\nfunction C() { this.on = 1; }",
        "console.log(say(new Error('x')));\nfunction say(e) { return e && e.code ? e.code : e.message; }",
        "var C = (function () { function C() {} C.prototype.go = function () { return __generator(function (_a) { return [2]; }); }; return C; }());\nvar c = new C();\n" + body("return [4, c.go(), _a.label = 1];"),
        // given to what calls it and consumes what it gives: run(), a task group's body, every()'s function
        body("return [4, taskGroup(function (tg) { return __generator(function (_a) { tg.createTask(tick(1)); return [2]; }); }), _a.label = 1];"),
        "every$1(5, function () { return tick(1); });",
        "run(main);\n" + body("return [2];"),
      ].forEach(function (app) {
        assert.strictEqual(flags(app).REUSE_CHECK, false, app);
      });
    });

    it("keeps the check where a coroutine may outlive the place it was made", function () {
      [
        // kept, then read twice, in a loop, in a function, in another case, or written twice
        "var co = tick(1); createTask(co); createTask(co);",
        "var co = tick(1); for (;;) createTask(co);",
        "var co = tick(1); function later() { createTask(co); }",
        "var co; co = tick(1); co = tick(2); createTask(co);",
        body("switch (_a.label) { case 0: co = tick(1); _a.label = 1; case 1: return [4, co, _a.label = 2]; }"),
        // given to what may keep it, stored, thrown, or not where it is consumed
        "print(tick(1));\nfunction print(x) { list.push(x); }",
        "var cs = [tick(1)];",
        "o.co = tick(1);",
        "throw tick(1);",
        body("return [2, o || tick(1)];"),
        "var start = createTask; start(tick(1));",
        "var co = tick(1); main(co);\n" + body("return [4, o, _a.label = 1];"),
        "q.put(tick(1));",
        "var co = gather$1([tick(1)]);",
        "gather$1(list);",
        // a function that gives one, named but not called, or called where what it gives is not consumed
        "[1, 2].map(tick);",
        "var f = function () { return __generator(function (_a) { return [2]; }); };",
        "function later(n) { return tick(n); }\nvar c = later(1);",
        "var C = (function () { function C() {} C.prototype.go = function () { return __generator(function (_a) { return [2]; }); }; return C; }());\nvar g = new C().go;",
        "var C = (function () { function C() {} C.prototype.go = function () { return __generator(function (_a) { return [2]; }); }; return C; }());\nvar c = new C().go();",
        "Object.defineProperty(o, 'x', { get: function () { return tick(1); } });",
        "var c = eval('tick(1)');",
        "var c = tick.call(null);",
        "var c = frame(t);\nfunction frame(t) { return t._frame; }",
      ].forEach(function (app) {
        assert.strictEqual(flags(app).REUSE_CHECK, true, app);
      });
    });

    it("runs without the reuse check a device bundle that awaits methods, keeps a coroutine once and gives a task group its body", async function () {
      var code = await deviceBundle("consumed", [
        'import { Event, createTask, run, sleepMs, taskGroup } from "ristretto";',
        "class Sensor { n = 0; async read() { await sleepMs(1); return ++this.n; } }",
        "async function tenfold(s: Sensor) { return (await s.read()) * 10; }",
        "run(async function () {",
        "  var ev = new Event(), s = new Sensor();",
        "  var co = tenfold(s);",
        "  var t = createTask(co);",
        "  createTask((async function () { await ev.wait(); console.log('set'); })());",
        "  console.log('read', await s.read(), await t);",
        "  ev.set();",
        "  console.log('group', await taskGroup(async (tg) => { tg.createTask(tenfold(s)); return 'done'; }), s.n);",
        "});",
      ]);
      assert.doesNotMatch(code, /E_REUSED_COROUTINE/, "no reuse check");
      assert.deepStrictEqual(await printed(code, 100), ["1 read 1 20", "1 set", "2 group done 3"]);
    });

    it("leaves out gather()'s returnExceptions where no call of gather() passes options", function () {
      ["", "gather$1([tick(1)]);", "gather$1(list);"].forEach(function (app) {
        assert.strictEqual(flags(app).RETURN_EXCEPTIONS, false, app);
      });
      ["gather$1([tick(1)], { returnExceptions: true });", "gather$1([tick(1)], opts);", "var g = gather$1;"].forEach(function (app) {
        assert.strictEqual(flags(app).RETURN_EXCEPTIONS, true, app);
      });
    });

    it("awaits and starts coroutines without the reuse check, and gathers without returnExceptions, in a device bundle", async function () {
      var code = await deviceBundle("fresh", [
        'import { createTask, gather, run, sleepMs } from "ristretto";',
        "async function add(a: number, b: number) { await sleepMs(5); return a + b; }",
        "async function twice(n: number) { return (await add(n, n)) + (await add(1, 0)); }",
        "function both(n: number) { return gather([add(n, 1), twice(n)]); }",
        "async function boom() { await sleepMs(1); throw new Error('boom'); }",
        "run(async function () {",
        "  createTask(twice(10));",
        "  createTask((async function () { await sleepMs(2); console.log('started'); })());",
        "  console.log('gathered', (await gather([both(1), twice(2), add(3, 4)])).join(' '));",
        "  try { await gather([add(1, 1), boom()]); } catch (e) { console.log('caught', (e as Error).message); }",
        "});",
      ]);
      assert.doesNotMatch(code, /E_REUSED_COROUTINE|instanceof/, "no reuse check, nor promote()'s tests");
      assert.deepStrictEqual((await printed(code, 100)), ["2 started", "10 gathered 2,3 5 7", "11 caught boom"]);
    });
  });

  it("does not count run()'s own main task, a run() of its own, or a mention in a comment", function () {
    assert.strictEqual(featuresOf(chunk("run(function () { return blink(); });", "return promote(coro);", "src/core/run.ts"), ROOT).WAITERS, false);
    assert.strictEqual(featuresOf(chunk("// each tick is a createTask() of its own\nrun(main);"), ROOT).WAITERS, false);
    assert.strictEqual(featuresOf(chunk("", "    // then(), `return promise` and promote() are made of", "src/core/chain.ts"), ROOT).WAITERS, false);
  });

  it("keeps finally blocks only where a try region has a finally label or a finally block ends", function () {
    ["_a._try([1, 3, 4, 5]);", "_a._try([1, , 3, 4]);", "_a.trys.push([1, void 0, 3, 4]);", "_a._trys = [[1, 3, 4, 5]];", "return [7 /*endfinally*/];", "return [7];"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app), ROOT).FINALLY, true, app);
    });
    ["_a._try([1, 3, 0, 4]);", "_a._try([10, 12, 0, 13]);", "c._trys = [[0, 2, undefined, 3]];", "_a._trys = [[1, 3, 0, 4]];"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app), ROOT).FINALLY, false, app);
    });
  });

  it("keeps the awaiting of a task only where code can await one: a task the app holds used as a whole, then(), waitFor or shield (src/build/held-tasks.ts)", function () {
    var own = "function createTask(coro) { return task; }\nfunction currentTask() { return task; }\nTaskGroup.prototype.createTask = function (coro) { return createTask(coro); };";
    [
      "var t = createTask(blink()); list.push(t);",
      "var me = currentTask(); g(me);",
      "function f() { return __generator(function (_a) { return [4, createTask(blink()), _a.label = 1]; }); }",
      "function f(t) { t = createTask(blink()); return t; }",
      "var t = createTask(blink()); t = other; t.cancel();",
      "var t = tg.createTask(blink()); gather([t]);",
      "var main = run(app);",
      "t.then(f)",
      "var spawn = tg.createTask; spawn(blink());",
      "var spawn = createTask; spawn(blink());",
    ].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, "src/core/create-task.ts"), ROOT).AWAIT_TASK, true, app);
    });
    [
      "createTask(blink());",
      "var t = createTask(blink()); t.cancel(); if (t.done()) g(t.result());",
      "createTask(blink()).cancel();",
      "tg.createTask(blink()); var me = currentTask(); me.cancel();",
      "var t; t = createTask(blink()); t = createTask(blink()); t.cancel();",
    ].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own, "src/core/create-task.ts"), ROOT).AWAIT_TASK, false, app);
    });
    ["src/funcs/wait-for.ts", "src/funcs/shield.ts"].forEach(function (file) {
      assert.strictEqual(featuresOf(chunk("", "t = promote(aw); return [4, t, _a.label = 1];", file), ROOT).AWAIT_TASK, true, file);
    });
    var gather = featuresOf(chunk("run(main);", "t = promote(aws[i]); t._onDone(onDone); me = currentTask();", "src/funcs/gather.ts"), ROOT);
    assert.deepStrictEqual([gather.WAITERS, gather.AWAIT_TASK], [true, false], "gather hears of its tasks' ends and awaits none");
  });

  it("keeps the adopting of a returned awaitable only where an async function of the app's may return one, then() is kept, or a Queue hands one out (src/build/plain-returns.ts)", function () {
    var body = (b: string) => "function __generator(b) {}\nfunction f(t) { var x; return __generator(function (_a, _s) { " + b + " }); }\n";
    [
      body("return [2 /*return*/, blink()];"),
      body("return [2, t];"),
      body("return [2, t.task];"),
      body("x = t; return [2, x];"),
      body("x = _s; x = blink(); return [2, x];"),
      body("return [2, n ? 1 : t];"),
      body("return [2, { _aw: g }];"),
      body("return [2, _s];") + "var r = Bangle.buzz();",
      "t.then(f)",
    ].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app), ROOT).ADOPT, true, app);
    });
    assert.strictEqual(featuresOf(chunk("", "return [2 /*return*/, this.getNowait()];", "src/sync/queue.ts"), ROOT).ADOPT, true, "a Queue's get()");
    [
      "return [2, t];",
      body("return [2 /*return*/];"),
      body("return [4, sleepMs(5), _a.label = 1];"),
      body("return [2, 1];"),
      body("return [2, 'a' + t + [t]];"),
      body("return [2, _s];"),
      body("x = _s; x++; return [2, x > 1 ? x : -x];"),
      body("return [2, t.errors.length];"),
      body("return [2, String(t) + Math.floor(t) + t.trim()];"),
      body("return [2, { n: 1 }];"),
    ].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, "return [2 /*return*/, out];", "src/funcs/gather.ts"), ROOT).ADOPT, false, app);
    });
  });

  it("adopts the coroutine an app's async function returns, in a device bundle", async function () {
    var code = await deviceBundle("adopt", [
      'import { run, sleepMs } from "ristretto";',
      "async function later(v: number) { await sleepMs(10); return v * 2; }",
      "async function relay(v: number) { return later(v); }",
      "run(async function () {",
      "  console.log('got', await relay(21));",
      "});",
    ]);
    assert.deepStrictEqual((await printed(code, 100)), ["10 got 42"]);
  });

  it("keeps the tests for a yield and for Infinity in a sleep only where a sleep's length is not a number above 0 written in the code", async function () {
    /** YIELDS for an app whose main.ts is `app`, with the modules of its constant sleeps (async-constants.ts) and `own` as ristretto's `file`. */
    function yields(app: string, sleeps: string[], own?: string, file?: string): boolean {
      var c = chunk(app, own, file);
      sleeps.forEach((ms) => (c.modules["\0ristretto-sleep:" + ms] = { code: "var _sleep" + ms + " = [8, " + ms + "];" } as never));
      return featuresOf(c, ROOT).YIELDS;
    }
    assert.strictEqual(yields("return (_a._label = 1, _sleep100);", ["100", "1000"]), false);
    assert.strictEqual(yields("return _sleep0;", ["0"]), true, "a yield");
    assert.strictEqual(yields("return _sleepInfinity;", ["Infinity"]), true, "until cancelled");
    assert.strictEqual(yields("return [8 /*yield*/, (s + 1) * 1000, _a._label = 2];", []), true, "computed");
    assert.strictEqual(yields("", [], "return [OP_SLEEP, c._due - now];", "src/io/every.ts"), true, "every()'s");
    assert.strictEqual(yields("", [], "Sleep.prototype._aw = function (task) { (deviceLoop)._sleep(task, this._ms); return true; };", "src/core/sleep.ts"), true, "the Sleep class");
    assert.strictEqual(yields("", [], "function sleep(seconds) { return sleepMs(seconds * 1000); }", "src/core/sleep.ts"), false, "sleep.ts without its Sleep class");
    // On a device: sleeps of numbers written in the code, without the tests; a yield and a sleep until cancelled, with them.
    var plain = await deviceBundle("literal-sleeps", [
      'import { createTask, run, sleep, sleepMs } from "ristretto";',
      "async function tick(name: string, ms: number) { for (var i = 0; i < 2; i++) { if (ms === 1) await sleepMs(10); else await sleepMs(25); console.log(name, i); } }",
      "run(async () => { createTask(tick('a', 1)); await tick('b', 2); await sleep(0.01); console.log('end'); });",
    ]);
    assert.doesNotMatch(plain, /\[1\]>0\?/, "the driver's test for a yield: " + plain);
    assert.deepStrictEqual(await printed(plain, 200), ["10 a 0", "20 a 1", "25 b 0", "50 b 1", "60 end"]);
    var both = await deviceBundle("yields", [
      'import { createTask, run, sleepMs } from "ristretto";',
      "async function spin(name: string) { for (var i = 0; i < 2; i++) { console.log(name, i); await sleepMs(0); } }",
      "run(async () => { var t = createTask(spin('a')); await spin('b'); var f = createTask((async () => { await sleepMs(Infinity); console.log('never'); })()); await sleepMs(5); f.cancel(); console.log('end', t.done()); });",
    ]);
    assert.match(both, /\[1\]>0\?/);
    assert.deepStrictEqual(await printed(both, 100), ["0 b 0", "0 a 0", "0 b 1", "0 a 1", "5 end true"]);
  });

  it("keeps the try regions when an async function enters one, in the app or in ristretto", async function () {
    assert.strictEqual(featuresOf(chunk("_a._try([1, 3, void 0, 4]);"), ROOT).TRYS, true);
    assert.strictEqual(featuresOf(chunk("", "_a._try([1, 3, void 0, 4]);"), ROOT).TRYS, true);
    assert.strictEqual(featuresOf(chunk("", "// enters a try region with _try(); `_a.trys.push([try, ...])`"), ROOT).TRYS, false);
    // A region in no other is entered by an assignment (async-lowering.ts); then()'s own in chain.ts is THEN's.
    assert.strictEqual(featuresOf(chunk("_a._trys = [[1, 3, 0, 4]];"), ROOT).TRYS, true);
    assert.strictEqual(featuresOf(chunk("", "c._trys = [[0, 2, undefined, 3]];", "src/core/chain.ts"), ROOT).TRYS, false);
    var code = await deviceBundle("outer-try", [
      'import { run, sleepMs } from "ristretto";',
      "async function boom(): Promise<void> { await sleepMs(5); throw new Error('boom'); }",
      "run(async () => { try { await boom(); } catch (e) { console.log('caught', (e as Error).message); } console.log('after'); });",
    ]);
    assert.match(code, /\.\w+=\[\[0,/, "entered by an assignment");
    assert.deepStrictEqual(await printed(code, 100), ["5 caught boom", "5 after"]);
  });

  it("keeps awaiting a foreign thenable only when the app refers to a runtime's global (not ES5's own, the console or the board's), mentions then or Promise, or cannot be read", function () {
    var own = "function run(f) {} var JSON;";
    ["var r = Bangle.buzz();", "NRF.connect(a);", "var g = global;", "x = E.showPrompt(q);", "t.then(f)", "}{"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own), ROOT).FOREIGN, true, app);
    });
    ["var s, e; console.log(JSON.stringify(Math.max(parseInt(s, 10), 1)), new Error(String(e)));", "function f(a) { var b; try { b = a; } catch (e) { b = e; } return b; } run(f);"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app, own), ROOT).FOREIGN, false, app);
    });
    var withBoard = chunk("uart(SERIAL1);", "function uart(s) {}");
    (withBoard.modules as any)["\0ristretto/board"] = { code: "var SERIAL1 = [Serial1, 'B7', 'B6'];" };
    assert.strictEqual(featuresOf(withBoard, ROOT).FOREIGN, false, "the board's serial port is the runtime's Serial1");
  });

  it("awaits the native Promise a runtime's API returns, in a device bundle", async function () {
    var code = await deviceBundle("foreign", ['import { run } from "ristretto";', "declare var Bangle: { buzz(ms: number): PromiseLike<number> };", "run(async function () {", "  console.log('buzzed', await Bangle.buzz(100));", "});"]);
    assert.deepStrictEqual((await printed("var Bangle = { buzz: function (ms) { return new Promise(function (ok) { setTimeout(function () { ok(ms); }, ms); }); } };\n" + code, 500)), ["100 buzzed 100"]);
  });

  it("keeps awaiting only where a module but chain.ts awaits, or then(), adopting or a foreign thenable is kept", function () {
    ["return [4 /*await*/, blink(), _a.label = 1];", "return [4, ev.wait(), _a.label = 2];"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app), ROOT).AWAITS, true, app);
    });
    assert.strictEqual(featuresOf(chunk("", "return [4, (r = f(n)), _a.label = 2];", "src/io/every.ts"), ROOT).AWAITS, true, "ristretto's own await");
    ["t.then(f)", "function f() { return __generator(function (_a) { return [2, g()]; }); }", "var r = Bangle.buzz();"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app), ROOT).AWAITS, true, app);
    });
    var sleeps = "var led, _a, _sleep500, ms; return (_a.label = 1, _sleep500); return [8, ms, _a.label = 2];", chain = "return [OP_AWAIT, aw]; return [4 /*await*/, aw];";
    var only = featuresOf(chunk(sleeps, chain, "src/core/chain.ts"), ROOT);
    assert.deepStrictEqual([only.AWAITS, only.AWAIT_TASK], [false, false], "an app that only sleeps; chain.ts's own await is promote()'s");
    assert.strictEqual(featuresOf(chunk("function blink() {} createTask(blink()); " + sleeps, "function createTask(c) {}"), ROOT).AWAIT_TASK, false, "a task no code can await");
  });

  it("runs an app that only sleeps without awaiting, in a device bundle, and raises what it raises", async function () {
    var code = await deviceBundle("awaits", [
      'import { run, sleepMs } from "ristretto";',
      "run(async function () {",
      "  for (var i = 0; i < 3; i++) {",
      "    console.log('tick', i);",
      "    await sleepMs(10);",
      "  }",
      "  throw new Error('done');",
      "});",
    ]);
    assert.doesNotMatch(code, /\[4,|E_NOT_AWAITABLE|E_REUSED_COROUTINE|UsageError/, "no await, nor its errors");
    var sim = await loadBundle("espruino-pico", code);
    await sim.advance(100);
    assert.deepStrictEqual(sim.console.map((c) => c.t + " " + c.text).slice(0, 4), ["0 tick 0", "10 tick 1", "20 tick 2", "30 Task exception wasn't retrieved: Error: done"]);
  });

  // run() given a task, in a bundle that only sleeps (no awaiting: run() must not wrap a task as a coroutine); given an async function, which the build calls where run() is called,
  // and whose fresh coroutine run() gives to createTask() without a test (PROMOTE off); and given a function that returns a task, which it must take as it is.
  var mains: [string, string, string, RegExp, string][] = [
    ["runs the task it is given as main, in a device bundle that only sleeps", "main-task", "run(createTask(ticks()));", /\[4,/, "no await"],
    ["calls the main function where run() is called, in a device bundle where every run() is given a function, and runs it", "main-called", "run(ticks);", /"function"==typeof|instanceof/, "run() tests nothing"],
    ["runs the task a function given to run() returns, in a device bundle", "main-plain", "run(function () { return createTask(ticks()); });", /"function"==typeof/, "the build calls the function"],
  ];
  mains.forEach(function (m) {
    it(m[0], async function () {
      var code = await deviceBundle(m[1], [
        'import { createTask, run, sleepMs } from "ristretto";',
        "async function ticks() { for (var i = 0; i < 2; i++) { await sleepMs(10); console.log('tick', i); } }",
        m[2],
      ]);
      assert.doesNotMatch(code, m[3], m[4]);
      assert.deepStrictEqual((await printed(code, 50)), ["10 tick 0", "20 tick 1"]);
    });
  });

  it("keeps cancelling only where code but the task's own and gather's reads cancel (the app, a task group, timeout or waitFor), or clears a timer", function () {
    ["counter.cancel();", "t .cancel()", 'var f = t["cancel"];', "var stop = task.cancel;"].forEach(function (app) {
      assert.strictEqual(featuresOf(chunk(app), ROOT).CANCEL, true, app);
    });
    ["src/funcs/task-group.ts", "src/funcs/timeout.ts", "src/funcs/wait-for.ts"].forEach(function (file) {
      assert.strictEqual(featuresOf(chunk("", "t.cancel();", file), ROOT).CANCEL, true, file);
    });
    assert.strictEqual(featuresOf(chunk("", "loop._cancel(t);", "src/core/timer.ts"), ROOT).CANCEL, true, "timer.ts clears a timer through the loop's _cancel()");
    var gather = chunk("var x; run(x);", "ts[j].cancel(); // a cancel of the gathering task", "src/funcs/gather.ts");
    (gather.modules as any)[path.join(ROOT, "src/core/task.ts")] = { code: "Task.prototype.cancel = function () { t.cancel(); };" };
    (gather.modules as any)[path.join(ROOT, "src/core/chain.ts")] = { code: "var token = {}; // a settlement after a cancel finds it gone" };
    assert.strictEqual(featuresOf(gather, ROOT).CANCEL, false, "gather's cancel, reached only through a cancel(); a comment");
  });

  it("gathers without cancelling where nothing cancels, in a device bundle: a failure is raised at once and the others go on", async function () {
    var code = await deviceBundle("cancel", [
      'import { gather, run, sleepMs } from "ristretto";',
      "async function tick(name: string, n: number) { for (var i = 0; i < n; i++) { await sleepMs(10); console.log(name, i); } return name; }",
      "async function fail() { await sleepMs(15); throw new Error('boom'); }",
      "run(async function () {",
      "  console.log('all', (await gather([tick('a', 2), tick('b', 1)])).join());",
      "  try { await gather([tick('c', 3), fail()]); } catch (e) { console.log('caught', (e as Error).message); }",
      "});",
    ]);
    assert.doesNotMatch(code, /cancel|CancelledError/, "no cancelling in the bundle");
    assert.doesNotMatch(code, /instanceof/, "gather is given coroutines made in the call: promote() tests nothing");
    assert.deepStrictEqual((await printed(code, 100)), ["10 a 0", "10 b 0", "20 a 1", "20 all a,b", "30 c 0", "35 caught boom", "40 c 1", "50 c 2"]);
  });

  it("leaves out a property written `key: FLAG && value` when FLAG is off, where terser would keep `key: false`, an inner object's too", function () {
    var code = "var A = false, B = true;\nx = { a: 1, b: A && f, c: B && g, d: { e: A && h, k: A && j } };", s = new MagicString(code);
    dropOffProperties(code, { A: true }, s);
    assert.strictEqual(s.toString(), "var A = false, B = true;\nx = { a: 1, c: B && g, d: {  } };");
  });

  it("keeps the driver's jumps only when a lowered body returns one (a labelled break out of a loop of its own)", function () {
    assert.strictEqual(featuresOf(chunk("for (;;) { if (x) return [3 /*break*/, 4]; }"), ROOT).JUMPS, true);
    assert.strictEqual(featuresOf(chunk("return [3, 4];"), ROOT).JUMPS, true);
    assert.strictEqual(featuresOf(chunk("_a.label = 4; continue; return [4, sleepMs(3), _a.label = 3];"), ROOT).JUMPS, false);
  });
});
