// The device build drops the methods nothing calls, the functions nothing
// refers to, and the classes nothing refers to but their own prototype
// (src/build/unused-methods.ts), nor what a feature turned off holds, nor a
// class nothing makes, reads no field nothing writes, and writes no field
// nothing reads.

import assert = require("assert");
import vm = require("vm");
import { dropUnusedMethods } from "../../src/build/unused-methods";

function cls(name: string, methods: string): string {
  return "var " + name + " = /** @class */ (function () { function " + name + "() {} " + methods + " return " + name + "; }());\n";
}

function printed(code: string): string[] {
  var lines: string[] = [];
  vm.runInNewContext(code, { print: (...a: unknown[]) => lines.push(a.join(" ")) });
  return lines;
}

function dropped(code: string, own?: string[]): string {
  var r = dropUnusedMethods(code, own);
  return r ? r.code : code;
}

describe("dropping unused methods", function () {
  it("drops a method whose name is never read, and one only a dropped method called", function () {
    var out = dropped(cls("Port", "Port.prototype.read = function () { return this.more(); }; Port.prototype.more = function () { return 1; }; Port.prototype.write = function () { return 2; };") + "print(new Port().write());");
    assert.doesNotMatch(out, /prototype\.read =/);
    assert.doesNotMatch(out, /prototype\.more =/);
    assert.match(out, /prototype\.write =/);
  });

  it("keeps a method read anywhere, named in a string, or called by the runtime; an object key keeps none", function () {
    var out = dropped(
      cls("Port", "Port.prototype.read = function () {}; Port.prototype.close = function () {}; Port.prototype.toJSON = function () {}; Port.prototype.open = function () {};") +
        'var hal = { read: function () {}, open: 1 }; var p = new Port(); p.read(); p["close"]();',
    );
    assert.match(out, /prototype\.read =/);
    assert.match(out, /prototype\.close =/);
    assert.match(out, /prototype\.toJSON =/);
    assert.doesNotMatch(out, /prototype\.open =/);
  });

  it("a read on a name bound once to an object literal keeps no method; the same name bound otherwise too does", function () {
    var methods = "Port.prototype.close = function () {}; Port.prototype.open = function () {};";
    var out = dropped(cls("Port", methods) + "var hal = { close: function () {} }; hal.close(); print(new Port());");
    assert.doesNotMatch(out, /prototype\.close =/);
    out = dropped(cls("Port", methods) + "var hal = { close: function () {} }; function f(hal) { hal.close(); } f(new Port());");
    assert.match(out, /prototype\.close =/);
    out = dropped(cls("Port", methods) + "var hal = { close: function () {} }; hal = new Port(); hal.close();");
    assert.match(out, /prototype\.close =/);
  });

  it("drops a class that only its own prototype refers to, with its statements; keeps one that is used", function () {
    var code =
      cls("EOFError", 'EOFError.prototype.toString = function () { return this.name; };') +
      'EOFError.prototype.name = "EOFError";\n' +
      cls("OverrunError", "") +
      'OverrunError.prototype.name = "OverrunError";\n' +
      "print({} instanceof OverrunError);";
    var out = dropped(code);
    assert.doesNotMatch(out, /EOFError/);
    assert.match(out, /OverrunError\.prototype\.name = "OverrunError"/);
    assert.deepStrictEqual(printed(out), ["false"]);
  });

  it("drops a function nothing refers to, and a class only that function made; keeps one referred to", function () {
    var code =
      cls("UsageError", 'UsageError.prototype.name = "UsageError";') +
      'function awaitOther(t) { t.value = new UsageError("E_NOT_AWAITABLE"); }\n' +
      "function step(t) { return t + 1; }\n" +
      "var WAITS = false;\nif (WAITS && step) awaitOther(step);\nprint(step(1));";
    var out = dropped(code);
    assert.doesNotMatch(out, /function awaitOther|UsageError/); // (the call under the flag stays, for terser)
    assert.match(out, /function step\(t\)/);
    assert.deepStrictEqual(printed(out), ["2"]);
    out = dropped(code.replace("var WAITS = false;", "var WAITS = true;"));
    assert.match(out, /function awaitOther/);
    assert.match(out, /UsageError\.prototype\.name/);
  });

  it("a read under a feature turned off (if (FLAG), if (FLAG && x), FLAG && x or FLAG ? x : y, with var FLAG = false) keeps no method; a flag bound twice does, and so does FLAG || x", function () {
    var methods = "Task.prototype.onDone = function () {}; Task.prototype.run = function () {};";
    var off = "var WAITERS = false;\nif (WAITERS) { Task.prototype.aw = function (w) { this.onDone(w); }; }\nvar t = new Task(); t.run(); if (t.aw) t.aw(t);";
    assert.doesNotMatch(dropped(cls("Task", methods) + off), /prototype\.onDone =/);
    assert.doesNotMatch(dropped(cls("Task", methods) + off.replace("if (WAITERS)", "if (false)")), /prototype\.onDone =/);
    assert.match(dropped(cls("Task", methods) + off + "\nWAITERS = true;"), /prototype\.onDone =/);
    assert.match(dropped(cls("Task", methods) + off + "\nfunction f(WAITERS) { return WAITERS; }"), /prototype\.onDone =/);
    assert.match(dropped(cls("Task", methods) + off.replace("if (WAITERS) {", "if (WAITERS) {} else {")), /prototype\.onDone =/);
    assert.doesNotMatch(dropped(cls("Task", methods) + off.replace("if (WAITERS)", "if (WAITERS && t && t.run)")), /prototype\.onDone =/);
    assert.match(dropped(cls("Task", methods) + off.replace("if (WAITERS)", "if (WAITERS || t)")), /prototype\.onDone =/);
    assert.match(dropped(cls("Task", methods) + off.replace("if (WAITERS)", "if (t && WAITERS)")), /prototype\.onDone =/); // only a flag on the left is read
    var literal = "var CANCEL = false;\nvar token = { run: CANCEL && function () { new Task().onDone(); }, aw: CANCEL ? function () { new Task().onDone(); } : null };\nnew Task().run();";
    assert.doesNotMatch(dropped(cls("Task", methods) + literal), /prototype\.onDone =/, "FLAG && x, FLAG ? x : y");
    assert.match(dropped(cls("Task", methods) + literal.replace("CANCEL = false", "CANCEL = true")), /prototype\.onDone =/);
  });

  it("drops a class that nothing makes and only instanceof tests, the tests reading false; keeps one that something makes", function () {
    var code =
      cls("CancelledError", "") +
      'CancelledError.prototype.name = "CancelledError";\nCancelledError.prototype.toString = errorText;\n' +
      "function errorText() { return this.name; }\nfunction report(e) { if (!(e instanceof CancelledError)) print(\"reported\"); }\nreport({});";
    var out = dropped(code);
    assert.doesNotMatch(out, /CancelledError/);
    assert.deepStrictEqual(printed(out), ["reported"]);
    out = dropped(code + "\nreport(new CancelledError());");
    assert.match(out, /e instanceof CancelledError/);
    assert.deepStrictEqual(printed(out), ["reported"]);
  });

  it("reads a field of ristretto's own that nothing writes as undefined; one written anywhere, named in a string, or not its own stays", function () {
    var loop = "function report(l) { var h = l._handler; if (!h) return print(\"default\"); h(); }\nreport({});";
    var out = dropped(loop, ["_handler"]);
    assert.match(out, /var h = void 0;/);
    assert.deepStrictEqual(printed(out), ["default"]);
    ["\nvar x = {}; x._handler = print;", '\nvar k = "_handler";', "\nvar o = { _handler: print };"].forEach(function (w) {
      assert.match(dropped(loop + w, ["_handler"]), /var h = l\._handler;/, w);
    });
    assert.strictEqual(dropUnusedMethods(loop, ["_other"]), null, "a user's field, as from JSON.parse");
    assert.match(dropped("var o = {}; o._run();", ["_run"]), /o\._run\(\)/, "a call is left as it is");
  });

  it("writes no field of ristretto's own that nothing reads, once the methods that read it are gone; one read anywhere or not its own is written", function () {
    var loop =
      cls("Loop", "Loop.prototype.run = function (q) { (this._current = q[0])._go(); this._current = undefined; delete this._current; }; Loop.prototype.cancel = function () { return this._current; };") +
      "new Loop().run([{ _go: function () { print(\"went\"); } }]);";
    var out = dropped(loop, ["_current", "_go"]);
    assert.doesNotMatch(out, /prototype\.cancel =/);
    assert.doesNotMatch(out, /_current/);
    assert.match(out, /\(\(q\[0\]\)\)\._go\(\); \(undefined\); !0;/);
    assert.deepStrictEqual(printed(out), ["went"]);
    ["\nprint(new Loop().cancel());", '\nvar k = "_current";'].forEach(function (r) {
      assert.match(dropped(loop + r, ["_current", "_go"]), /\(this\._current = q\[0\]\)/, r);
    });
    assert.match(dropped(loop, ["_go"]), /\(this\._current = q\[0\]\)/, "a user's field");
  });
});
