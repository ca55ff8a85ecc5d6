import assert = require("assert");
import { createTask, run, sleep } from "../../src";
import type { Task } from "../../src";
import { Loop, setLoop } from "../../src/core/loop";
import { VirtualClock } from "../../src/sim/virtual-clock";
import { Script } from "./py";

// Port of micropython tests/extmod/asyncio_wait_for_linked_task.py
// (expected output: CPython's, as the test has no .exp).
// get_event_loop() is a virtual loop made current (setLoop), and
// loop.run_until_complete(task) is run(task) followed by firing the virtual
// clock's timers until the task is done (run() returns as soon as every
// task waits; on a device the runtime's timers go on from there).
describe("uasyncio: asyncio_wait_for_linked_task.py", function () {
  it("tasks that await each other in a chain finish in order, awaited from a task or from outside the loop", function () {
    var py = new Script();
    var print = py.print;
    var clock = new VirtualClock();
    var eventLoop = new Loop(clock);

    function run_until_complete<T>(aw: PromiseLike<T>): T {
      var prev = setLoop(eventLoop);
      try {
        var t = run(aw);
        while (!t.done() && clock.fireNext());
        return t.result();
      } finally {
        setLoop(prev);
      }
    }

    class Worker {
      _tasks: Task<void>[] = [];

      launchTask(asyncJob: PromiseLike<void>) {
        var prev = setLoop(eventLoop); // self._eventLoop.create_task(asyncJob)
        try {
          return createTask(asyncJob);
        } finally {
          setLoop(prev);
        }
      }

      async job(prerequisite: Task<void> | null, taskName: string) {
        if (prerequisite) await prerequisite;
        await sleep(0.1);
        print(taskName, "work completed");
      }

      planTasks() {
        this._tasks.push(this.launchTask(this.job(null, "task0")));
        this._tasks.push(this.launchTask(this.job(this._tasks[0], "task1")));
        this._tasks.push(this.launchTask(this.job(this._tasks[1], "task2")));
      }

      async waitForTask(taskIdx: number) {
        return await this._tasks[taskIdx];
      }

      syncWaitForTask(taskIdx: number) {
        return run_until_complete(this._tasks[taskIdx]);
      }
    }

    async function async_test() {
      print("--- async test");
      var worker = new Worker();
      worker.planTasks();
      await worker.waitForTask(0);
      print("-> task0 done");
      await worker.waitForTask(2);
      print("-> task2 done");
    }

    function sync_test() {
      print("--- sync test");
      var worker = new Worker();
      worker.planTasks();
      worker.syncWaitForTask(0);
      print("-> task0 done");
      worker.syncWaitForTask(2);
      print("-> task2 done");
    }

    run_until_complete(async_test());
    sync_test();

    assert.deepStrictEqual(py.lines, [
      "--- async test",
      "task0 work completed",
      "-> task0 done",
      "task1 work completed",
      "task2 work completed",
      "-> task2 done",
      "--- sync test",
      "task0 work completed",
      "-> task0 done",
      "task1 work completed",
      "task2 work completed",
      "-> task2 done",
    ]);
  });
});
