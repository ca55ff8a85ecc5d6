import assert = require("assert");
import { CancelledError, createTask, sleep } from "../../src";
import type { Task } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_cancel_fair2.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_cancel_fair2.py", function () {
  it("a task that several tasks keep cancelling still gets to run and end", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task_a() {
        try {
          while (true) {
            print("sleep a");
            await sleep(0);
          }
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("cancelled a");
        }
      }

      async function task_b(id: number, other: Task<void>) {
        while (other.cancel()) {
          print("sleep b", id);
          await sleep(0);
        }
        print("done b", id);
      }

      var t = createTask(task_a());
      for (var i = 0; i < 3; i++) createTask(task_b(i, t));
      await t;
    });
    assert.deepStrictEqual(r.lines, [
      "sleep a",
      "sleep b 0",
      "sleep b 1",
      "sleep b 2",
      "cancelled a",
      "done b 0",
      "done b 1",
      "done b 2",
    ]);
  });
});
