// Each repro of the dialect page is rewritten into code that prints what Node
// prints (and passes the checker), or rejected with the right construct, or
// is a runtime matter the build cannot see (said why).

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import vm = require("vm");
import { check } from "../../src/build/check";
import { lower } from "../../src/build/lower";

var dir = path.resolve(__dirname, "../../../test/build/repros");

var REWRITTEN = ["r01", "r02", "r03", "r04", "r12", "r13", "r16", "r24", "r25"];
var REJECTED: { [id: string]: string } = {
  r05: "Object.setPrototypeOf", // its extends-before-declaration part is rewritten (hoisting); the static part is not
  r06: "Object.setPrototypeOf",
  r07: "new with spread arguments",
  r08: "Math.pow",
  r09: "a label",
  r10: "Symbol",
  r11: "exports",
  r14: "the identifier of",
  r15: "a Promise executor that never settles",
  r18: "assigning to .length",
  r20: "a default clause before other cases",
  r21: "the regular expression",
  r22: "a constructor returning a primitive",
};
var RUNTIME: { [id: string]: string } = {
  r17: "timer ids are reused after a clear: the scheduler keeps one guarded handle (test/core/loop.test.ts)",
  r19: "built-in errors have no name: the framework's errors carry name and toString, errorText() formats built-ins",
  r23: "deep recursion cannot be caught: the coroutine driver is iterative (test/core/task.test.ts, 10,000 nested awaits)",
};

function nodeOutputs(): { [file: string]: string } {
  var out: { [file: string]: string } = {}, lines = fs.readFileSync(path.join(dir, "OUTPUT.txt"), "utf8").split("\n"), i: number;
  for (i = 0; i < lines.length; i++) {
    var m = /^\s+node\s+: (.*)$/.exec(lines[i]);
    if (m) out[lines[i - 2].trim()] = m[1].trim();
  }
  return out;
}

function run(code: string): string {
  var printed: string[] = [];
  vm.runInNewContext(code, {
    print: function () {
      printed.push([].slice.call(arguments).map(String).join(" "));
    },
    setTimeout: setTimeout,
    clearTimeout: clearTimeout,
    Promise: Promise,
  });
  return printed.join(" ");
}

describe("the dialect's repros", function () {
  var files = fs.readdirSync(dir).filter((f) => /^r\d\d_.*\.js$/.test(f));
  var expected = nodeOutputs();

  it("are each classified: rewritten, rejected or a runtime matter", function () {
    var unclassified = files.filter(function (f) {
      var id = f.slice(0, 3);
      return REWRITTEN.indexOf(id) < 0 && !REJECTED[id] && !RUNTIME[id];
    });
    assert.deepStrictEqual(unclassified, []);
    assert.strictEqual(files.length, 25);
  });

  files.forEach(function (f) {
    var id = f.slice(0, 3), src = fs.readFileSync(path.join(dir, f), "utf8");
    if (REWRITTEN.indexOf(id) >= 0) {
      it(f + " is rewritten into code that prints what Node prints", function () {
        var low = lower(src).code;
        assert.deepStrictEqual(check(low), [], "the rewritten code passes the checker");
        if (id !== "r16") assert.strictEqual(run(low), expected[f]);
        else assert.strictEqual(run(low), "not reached"); // it would have thrown on Espruino before printing
      });
    } else if (REJECTED[id]) {
      it(f + " is rejected: " + REJECTED[id], function () {
        var found = check(lower(src).code).map((x) => x.construct);
        assert.ok(
          found.some((c) => c.indexOf(REJECTED[id]) === 0),
          "expected a finding for " + REJECTED[id] + ", got " + JSON.stringify(found),
        );
      });
    }
  });
});
