import assert = require("assert");
import { CancelledError, createTask, sleep } from "../../src";
import type { Task } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint, repr } from "./py";

// Port of micropython tests/extmod/asyncio_cancel_wait_on_finished.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_cancel_wait_on_finished.py", function () {
  it("cancelling a task whose awaited task has just finished raises CancelledError in it", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function sleep_task() {
        print("sleep_task sleep");
        await sleep(0);
        print("sleep_task wake");
      }

      async function wait_task(t: Task<void>) {
        print("wait_task wait");
        await t;
        print("wait_task wake");
      }

      var waiting_task = createTask(wait_task(createTask(sleep_task())));

      print("main sleep");
      await sleep(0);
      print("main sleep");
      await sleep(0);

      waiting_task.cancel();
      print("main wait");
      try {
        await waiting_task;
      } catch (er) {
        if (!(er instanceof CancelledError)) throw er;
        print(repr(er));
      }
    });
    assert.deepStrictEqual(r.lines, [
      "main sleep",
      "sleep_task sleep",
      "wait_task wait",
      "main sleep",
      "sleep_task wake",
      "main wait",
      "CancelledError()",
    ]);
  });
});
