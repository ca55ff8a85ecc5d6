import assert = require("assert");
import { CancelledError, createTask, sleep } from "../../src";
import type { Task } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_cancel_fair.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_cancel_fair.py", function () {
  it("tasks that keep cancelling each other do not take over the scheduler", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);
      var tasks: Task<void>[];

      async function task(id: number, other: number | null) {
        for (var i = 0; i < 3; i++) {
          try {
            print("start", id);
            await sleep(0);
            print("done", id);
          } catch (er) {
            if (!(er instanceof CancelledError)) throw er;
            print("cancelled", id);
          }
          if (other !== null) {
            print(id, "cancels", other);
            tasks[other].cancel();
          }
        }
      }

      tasks = [createTask(task(0, 1)), createTask(task(1, 0)), createTask(task(2, null))];
      await tasks[2];
    });
    assert.deepStrictEqual(r.lines, [
      "start 0",
      "start 1",
      "start 2",
      "done 0",
      "0 cancels 1",
      "start 0",
      "cancelled 1",
      "1 cancels 0",
      "start 1",
      "done 2",
      "start 2",
      "cancelled 0",
      "0 cancels 1",
      "start 0",
      "cancelled 1",
      "1 cancels 0",
      "start 1",
      "done 2",
      "start 2",
      "cancelled 0",
      "0 cancels 1",
      "cancelled 1",
      "1 cancels 0",
      "done 2",
    ]);
  });
});
