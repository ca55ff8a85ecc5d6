import assert = require("assert");
import { createTask, gather, sleep } from "../../src";
import type { Task } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint, repr, ValueError } from "./py";

// Port of micropython tests/extmod/asyncio_gather.py (expected output: its .exp).
// asyncio.gather(a, b) is gather([a, b]); return_exceptions=True is { returnExceptions: true }.
describe("uasyncio: asyncio_gather.py", function () {
  it("gathers results and exceptions, and cancelling a gather cancels what it gathers", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function factorial(name: string, number: number) {
        var f = 1;
        for (var i = 2; i < number + 1; i++) {
          print("Task " + name + ": Compute factorial(" + i + ")...");
          await sleep(0.01);
          f *= i;
        }
        print("Task " + name + ": factorial(" + number + ") = " + f);
        return f;
      }

      async function task(id: number, t = 0.1) {
        print("start", id);
        await sleep(t);
        print("end", id);
        return id;
      }

      async function task_loop(id: number) {
        print("task_loop start", id);
        while (true) {
          await sleep(0.1);
          print("task_loop loop", id);
        }
      }

      async function task_raise(id: number, t = 0.1) {
        print("task_raise start", id);
        await sleep(t);
        print("task_raise raise", id);
        throw new ValueError(id);
      }

      async function gather_task(t0: PromiseLike<unknown>, t1: PromiseLike<unknown>) {
        print("gather_task");
        await gather([t0, t1]);
        print("gather_task2");
      }

      // Simple gather with return values
      print(await gather([factorial("A", 2), factorial("B", 3), factorial("C", 4)]));

      print("====");

      // Gather with no awaitables
      print(await gather([]));

      print("====");

      // Test return_exceptions, where one task is cancelled and the other finishes normally
      var tasks: Task<unknown>[] = [createTask(task(1)), createTask(task(2))];
      tasks[0].cancel();
      print(await gather(tasks, { returnExceptions: true }));

      print("====");

      // Test return_exceptions, where one task raises an exception and the other finishes normally.
      tasks = [createTask(task(1)), createTask(task_raise(2))];
      print(await gather(tasks, { returnExceptions: true }));

      print("====");

      // Test case where one task raises an exception and other task keeps running.
      tasks = [createTask(task_loop(1)), createTask(task_raise(2))];
      try {
        await gather(tasks);
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print(repr(er));
      }
      print(tasks[0].done(), tasks[1].done());
      for (var t of tasks) t.cancel();
      await sleep(0.2);

      print("====");

      // Test case where both tasks raise an exception.
      // Use t=0 so they raise one after the other, between the gather starting and finishing.
      tasks = [createTask(task_raise(1, 0)), createTask(task_raise(2, 0))];
      try {
        await gather(tasks);
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print(repr(er));
      }
      print(tasks[0].done(), tasks[1].done());

      print("====");

      // Cancel a multi gather.
      var g = createTask(gather_task(task(1), task(2)));
      await sleep(0.05);
      g.cancel();
      await sleep(0.2);

      // Test edge cases where the gather is cancelled just as tasks are created and ending.
      for (var i = 1; i < 4; i++) {
        print("====");
        g = createTask(gather_task(task(1, 0), task(2, 0)));
        for (var j = 0; j < i; j++) await sleep(0);
        g.cancel();
        await sleep(0.2);
      }
    });
    assert.deepStrictEqual(r.lines, [
      "Task A: Compute factorial(2)...",
      "Task B: Compute factorial(2)...",
      "Task C: Compute factorial(2)...",
      "Task A: factorial(2) = 2",
      "Task B: Compute factorial(3)...",
      "Task C: Compute factorial(3)...",
      "Task B: factorial(3) = 6",
      "Task C: Compute factorial(4)...",
      "Task C: factorial(4) = 24",
      "[2, 6, 24]",
      "====",
      "[]",
      "====",
      "start 2",
      "end 2",
      "[CancelledError(), 2]",
      "====",
      "start 1",
      "task_raise start 2",
      "end 1",
      "task_raise raise 2",
      "[1, ValueError(2,)]",
      "====",
      "task_loop start 1",
      "task_raise start 2",
      "task_loop loop 1",
      "task_raise raise 2",
      "ValueError(2,)",
      "False True",
      "====",
      "task_raise start 1",
      "task_raise start 2",
      "task_raise raise 1",
      "task_raise raise 2",
      "ValueError(1,)",
      "True True",
      "====",
      "gather_task",
      "start 1",
      "start 2",
      "====",
      "gather_task",
      "start 1",
      "start 2",
      "====",
      "gather_task",
      "start 1",
      "start 2",
      "end 1",
      "end 2",
      "====",
      "gather_task",
      "start 1",
      "start 2",
      "end 1",
      "end 2",
    ]);
  });
});
