import assert = require("assert");
import { CancelledError, createTask, Event, gather, setExceptionHandler, sleep } from "../../src";
import type { Task } from "../../src";
import { Script, tuple, ValueError } from "./py";

// Port of micropython tests/extmod/asyncio_gather_finished_early.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_gather_finished_early.py", function () {
  it("gathers tasks that finished, or failed, before the gather started", function () {
    var py = new Script();
    var print = py.print;

    // CPython and MicroPython differ in when they signal (and print) that a task raised an
    // uncaught exception.  So define an empty custom_handler() to suppress this output.
    function custom_handler() {}

    async function task_that_finishes_early(id: string, event: Event, fail: boolean) {
      print("task_that_finishes_early", id);
      event.set();
      if (fail) throw new ValueError("intentional exception", id);
    }

    async function task_that_runs() {
      for (var i = 0; i < 5; i++) {
        print("task_that_runs", i);
        await sleep(0);
      }
    }

    async function main(start_task_that_runs: boolean, task_fail: boolean, return_exceptions: boolean) {
      print("== start", start_task_that_runs, task_fail, return_exceptions);

      // Set exception handler to suppress exception output.
      setExceptionHandler(custom_handler);

      // Create tasks.
      var event_a = new Event();
      var event_b = new Event();
      var tasks: Task<void>[] = [];
      if (start_task_that_runs) tasks.push(createTask(task_that_runs()));
      tasks.push(createTask(task_that_finishes_early("a", event_a, task_fail)));
      tasks.push(createTask(task_that_finishes_early("b", event_b, task_fail)));

      // Make sure task_that_finishes_early() are both done, before calling gather().
      await event_a.wait();
      await event_b.wait();

      // Gather the tasks.
      var result;
      try {
        result = tuple("complete", await gather(tasks, { returnExceptions: return_exceptions }));
      } catch (er) {
        if (er instanceof CancelledError) throw er; // except Exception
        result = tuple("exception", er, start_task_that_runs && tasks[0].done());
      }

      // Wait for the final task to finish (if it was started).
      if (start_task_that_runs) await tasks[0];

      // Print results.
      print(result);
    }

    // Run the test in the 8 different combinations of its arguments.
    for (var i = 0; i < 8; i++) {
      let a = !!(i & 4), b = !!(i & 2), c = !!(i & 1);
      py.run(() => main(a, b, c));
    }

    assert.deepStrictEqual(py.lines, [
      "== start False False False",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "('complete', [None, None])",
      "== start False False True",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "('complete', [None, None])",
      "== start False True False",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "('exception', ValueError('intentional exception', 'a'), False)",
      "== start False True True",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "('complete', [ValueError('intentional exception', 'a'), ValueError('intentional exception', 'b')])",
      "== start True False False",
      "task_that_runs 0",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "task_that_runs 1",
      "task_that_runs 2",
      "task_that_runs 3",
      "task_that_runs 4",
      "('complete', [None, None, None])",
      "== start True False True",
      "task_that_runs 0",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "task_that_runs 1",
      "task_that_runs 2",
      "task_that_runs 3",
      "task_that_runs 4",
      "('complete', [None, None, None])",
      "== start True True False",
      "task_that_runs 0",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "task_that_runs 1",
      "task_that_runs 2",
      "task_that_runs 3",
      "task_that_runs 4",
      "('exception', ValueError('intentional exception', 'a'), False)",
      "== start True True True",
      "task_that_runs 0",
      "task_that_finishes_early a",
      "task_that_finishes_early b",
      "task_that_runs 1",
      "task_that_runs 2",
      "task_that_runs 3",
      "task_that_runs 4",
      "('complete', [None, ValueError('intentional exception', 'a'), ValueError('intentional exception', 'b')])",
    ]);
  });
});
