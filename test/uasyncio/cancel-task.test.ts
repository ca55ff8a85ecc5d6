import assert = require("assert");
import { CancelledError, createTask, sleep } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_cancel_task.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_cancel_task.py", function () {
  it("cancels a task before it starts, while it sleeps, many times, after it ends, and through a task awaiting it", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task(s: number, allow_cancel: boolean) {
        try {
          print("task start");
          await sleep(s);
          print("task done");
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("task cancel");
          if (allow_cancel) throw er;
        }
      }

      async function task2(allow_cancel: boolean) {
        print("task 2");
        try {
          await createTask(task(0.05, allow_cancel));
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("task 2 cancel");
          throw er;
        }
        print("task 2 done");
      }

      // Cancel task immediately
      var t = createTask(task(2, true));
      print(t.cancel());

      // Cancel task after it has started
      t = createTask(task(2, true));
      await sleep(0.01);
      print(t.cancel());
      print("main sleep");
      await sleep(0.01);

      // Cancel task multiple times after it has started
      t = createTask(task(2, true));
      await sleep(0.01);
      for (var i = 0; i < 4; i++) print(t.cancel());
      print("main sleep");
      await sleep(0.01);

      // Await on a cancelled task
      print("main wait");
      try {
        await t;
      } catch (er) {
        if (!(er instanceof CancelledError)) throw er;
        print("main got CancelledError");
      }

      // Cancel task after it has finished
      t = createTask(task(0.01, false));
      await sleep(0.05);
      print(t.cancel());

      // Nested: task2 waits on task, task2 is cancelled (should cancel task then task2)
      print("----");
      t = createTask(task2(true));
      await sleep(0.01);
      print("main cancel");
      t.cancel();
      print("main sleep");
      await sleep(0.1);

      // Nested: task2 waits on task, task2 is cancelled but task doesn't allow it (task2 should continue)
      print("----");
      t = createTask(task2(false));
      await sleep(0.01);
      print("main cancel");
      t.cancel();
      print("main sleep");
      await sleep(0.1);
    });
    assert.deepStrictEqual(r.lines, [
      "True",
      "task start",
      "True",
      "main sleep",
      "task cancel",
      "task start",
      "True",
      "True",
      "True",
      "True",
      "main sleep",
      "task cancel",
      "main wait",
      "main got CancelledError",
      "task start",
      "task done",
      "False",
      "----",
      "task 2",
      "task start",
      "main cancel",
      "main sleep",
      "task cancel",
      "task 2 cancel",
      "----",
      "task 2",
      "task start",
      "main cancel",
      "main sleep",
      "task cancel",
      "task 2 done",
    ]);
  });
});
