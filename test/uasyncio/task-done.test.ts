import assert = require("assert");
import { createTask, sleep } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint, repr, ValueError } from "./py";

// Port of micropython tests/extmod/asyncio_task_done.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_task_done.py", function () {
  it("done() is false until the task returns or raises, then true", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task(t: number, exc: (new () => unknown) | null = null) {
        print("task start");
        if (t >= 0) await sleep(t);
        if (exc) throw new exc();
        print("task done");
      }

      // Task that finishes immediately.
      print("==========");
      var t = createTask(task(-1));
      print(t.done());
      await sleep(0);
      print(t.done());
      await t;
      print(t.done());

      // Task that starts, runs and finishes.
      print("==========");
      t = createTask(task(0.01));
      print(t.done());
      await sleep(0);
      print(t.done());
      await t;
      print(t.done());

      // Task that raises immediately.
      print("==========");
      t = createTask(task(-1, ValueError));
      print(t.done());
      await sleep(0);
      print(t.done());
      try {
        await t;
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print(repr(er));
      }
      print(t.done());

      // Task that raises after a delay.
      print("==========");
      t = createTask(task(0.01, ValueError));
      print(t.done());
      await sleep(0);
      print(t.done());
      try {
        await t;
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print(repr(er));
      }
      print(t.done());
    });
    assert.deepStrictEqual(r.lines, [
      "==========",
      "False",
      "task start",
      "task done",
      "True",
      "True",
      "==========",
      "False",
      "task start",
      "False",
      "task done",
      "True",
      "==========",
      "False",
      "task start",
      "True",
      "ValueError()",
      "True",
      "==========",
      "False",
      "task start",
      "False",
      "ValueError()",
      "True",
    ]);
  });
});
