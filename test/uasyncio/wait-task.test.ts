import assert = require("assert");
import { createTask, setExceptionHandler, sleep } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint, ValueError } from "./py";

// Port of micropython tests/extmod/asyncio_wait_task.py
// (expected output: CPython's, as the test has no .exp).
// ticks() is the virtual clock, so the durations are exact.
describe("uasyncio: asyncio_wait_task.py", function () {
  it("awaiting a task waits for it, gives its outcome again once done, and tasks run in parallel", function () {
    var r = runVirtual(async function (out, clock) {
      var print = pyPrint(out);
      var ticks = () => clock.now();
      var ticks_diff = (t1: number, t0: number) => t1 - t0;
      var round100 = (x: number) => Math.round(x / 100) * 100; // round(x, -2)

      async function task(t: number) {
        print("task", t);
      }

      async function delay_print(t: number, s: string) {
        await sleep(t);
        print(s);
      }

      async function task_raise() {
        print("task_raise");
        throw new ValueError();
      }

      print("start");

      // Wait on a task
      var t = createTask(task(1));
      await t;

      // Wait on a task that's already done
      t = createTask(task(2));
      await sleep(0.001);
      await t;

      // Wait again on same task
      await t;

      print("----");

      // Create 2 tasks
      var ts1 = createTask(delay_print(0.2, "hello"));
      var ts2 = createTask(delay_print(0.4, "world"));

      // Time how long the tasks take to finish, they should execute in parallel
      print("start");
      var t0 = ticks();
      await ts1;
      var t1 = ticks();
      await ts2;
      var t2 = ticks();
      print("took " + round100(ticks_diff(t1, t0)) + " " + round100(ticks_diff(t2, t1)));

      // Wait on a task that raises an exception
      t = createTask(task_raise());
      try {
        await t;
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print("ValueError");
      }

      // Wait on a task that raises, but the waiting is done some time later.
      // Need to suppress the "Task exception wasn't retrieved" message.
      setExceptionHandler(() => {});
      t = createTask(task_raise());
      for (var i = 0; i < 5; i++) await sleep(0);
      try {
        await t;
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print("ValueError");
      }
    });
    assert.deepStrictEqual(r.lines, [
      "start",
      "task 1",
      "task 2",
      "----",
      "start",
      "hello",
      "world",
      "took 200 200",
      "task_raise",
      "ValueError",
      "task_raise",
      "ValueError",
    ]);
  });
});
