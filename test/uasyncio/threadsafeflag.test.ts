import assert = require("assert");
import { createTask, sleep, ThreadSafeFlag } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_threadsafeflag.py (expected output: its .exp).
// micropython.schedule(set_from_schedule, flag) is a callback of the virtual
// clock (clock.setTimer, 0 ms): it runs from outside any task, once the loop
// has nothing ready, as an interrupt handler would.
describe("uasyncio: asyncio_threadsafeflag.py", function () {
  it("set() from a task or from an interrupt wakes the waiter, a set flag is consumed by the next wait(), and clear() unsets it", function () {
    var r = runVirtual(async function (out, clock) {
      var print = pyPrint(out);

      async function task(id: number, flag: ThreadSafeFlag) {
        print("task", id);
        await flag.wait();
        print("task", id, "done");
      }

      function set_from_schedule(flag: ThreadSafeFlag) {
        flag.set();
      }

      var flag = new ThreadSafeFlag();

      // Set the flag from within the loop.
      var t = createTask(task(1, flag));
      print("yield");
      await sleep(0);
      print("set event");
      flag.set();
      print("yield");
      await sleep(0);
      print("wait task");
      await t;

      // Set the flag from scheduler context.
      print("----");
      t = createTask(task(2, flag));
      print("yield");
      await sleep(0);
      print("set event");
      clock.setTimer(function () {
        set_from_schedule(flag);
      }, 0);
      print("yield");
      await sleep(0);
      print("wait task");
      await t;

      // Flag already set.
      print("----");
      print("set event");
      flag.set();
      t = createTask(task(3, flag));
      print("yield");
      await sleep(0);
      print("wait task");
      await t;

      // Flag set, cleared, and set again.
      print("----");
      print("set event");
      flag.set();
      print("yield");
      await sleep(0);
      print("clear event");
      flag.clear();
      print("yield");
      await sleep(0);
      t = createTask(task(4, flag));
      print("yield");
      await sleep(0);
      print("set event");
      flag.set();
      print("yield");
      await sleep(0);
      print("wait task");
      await t;
    });
    assert.deepStrictEqual(r.lines, [
      "yield",
      "task 1",
      "set event",
      "yield",
      "wait task",
      "task 1 done",
      "----",
      "yield",
      "task 2",
      "set event",
      "yield",
      "wait task",
      "task 2 done",
      "----",
      "set event",
      "yield",
      "task 3",
      "task 3 done",
      "wait task",
      "----",
      "set event",
      "yield",
      "clear event",
      "yield",
      "yield",
      "task 4",
      "set event",
      "yield",
      "wait task",
      "task 4 done",
    ]);
  });
});
