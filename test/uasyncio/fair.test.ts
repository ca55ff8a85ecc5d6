import assert = require("assert");
import { createTask, sleep } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_fair.py
// (expected output: CPython's, as the test has no .exp).
// Virtual time stands still while code runs, so tasks that only ever
// sleep(<= 0) would keep the loop busy at one instant and the timers would
// never come due. Each pass of the loop in task() therefore costs 1 ms of
// CPU time (clock.spend), as it would on a device.
describe("uasyncio: asyncio_fair.py", function () {
  it("tasks that sleep for zero or negative times do not starve tasks that sleep for longer", function () {
    var r = runVirtual(async function (out, clock) {
      var print = pyPrint(out);

      async function task(id: number, t: number) {
        print("task start", id);
        while (true) {
          if (t > 0) print("task work", id);
          clock.spend(1);
          await sleep(t);
        }
      }

      var t1 = createTask(task(1, -0.01));
      var t2 = createTask(task(2, 0.1));
      var t3 = createTask(task(3, 0.18));
      var t4 = createTask(task(4, -100));
      await sleep(0.45); // t2 prints 5 times, t3 prints 3 times
      t1.cancel();
      t2.cancel();
      t3.cancel();
      t4.cancel();
      print("finish");
    });
    assert.deepStrictEqual(r.lines, [
      "task start 1",
      "task start 2",
      "task work 2",
      "task start 3",
      "task work 3",
      "task start 4",
      "task work 2",
      "task work 3",
      "task work 2",
      "task work 2",
      "task work 3",
      "task work 2",
      "finish",
    ]);
  });
});
