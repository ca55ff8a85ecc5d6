import assert = require("assert");
import { CancelledError, createTask, sleep, TimeoutError, waitFor } from "../../src";
import type { Task } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint, repr, ValueError } from "./py";

// Port of micropython tests/extmod/asyncio_wait_for.py (expected output: its .exp).
describe("uasyncio: asyncio_wait_for.py", function () {
  it("waitFor returns in time, times out, passes exceptions on, and handles cancellation of either side", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task(id: number, t: number) {
        print("task start", id);
        await sleep(t);
        print("task end", id);
        return id * 2;
      }

      async function task_catch() {
        print("task_catch start");
        try {
          await sleep(0.2);
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("ignore cancel");
        }
        print("task_catch done");
      }

      async function task_raise() {
        print("task start");
        throw new ValueError();
      }

      async function task_cancel_other(t: number, other: Task<unknown>) {
        print("task_cancel_other start");
        await sleep(t);
        print("task_cancel_other cancel");
        other.cancel();
      }

      async function task_wait_for_cancel(id: number, t: number, t_wait: number) {
        print("task_wait_for_cancel start");
        try {
          await waitFor(task(id, t), t_wait);
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("task_wait_for_cancel cancelled");
          throw er;
        }
      }

      async function task_wait_for_cancel_ignore(t_wait: number) {
        print("task_wait_for_cancel_ignore start");
        try {
          await waitFor(task_catch(), t_wait);
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("task_wait_for_cancel_ignore cancelled");
          throw er;
        }
      }

      var sep = "----------";

      // When task finished before the timeout
      print(await waitFor(task(1, 0.01), 10));
      print(sep);

      // When timeout passes and task is cancelled
      try {
        print(await waitFor(task(2, 10), 0.01));
      } catch (er) {
        if (!(er instanceof TimeoutError)) throw er;
        print("timeout");
      }
      print(sep);

      // When timeout passes and task is cancelled, but task ignores the cancellation request
      try {
        print(await waitFor(task_catch(), 0.1));
      } catch (er) {
        if (!(er instanceof TimeoutError)) throw er;
        print("TimeoutError");
      }
      print(sep);

      // When task raises an exception
      try {
        print(await waitFor(task_raise(), 1));
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print("ValueError");
      }
      print(sep);

      // Timeout of None means wait forever
      print(await waitFor(task(3, 0.1), null));
      print(sep);

      // When task is cancelled by another task
      var t: Task<unknown> = createTask(task(4, 10));
      createTask(task_cancel_other(0.01, t));
      try {
        print(await waitFor(t, 1));
      } catch (er) {
        if (!(er instanceof CancelledError)) throw er;
        print(repr(er));
      }
      print(sep);

      // When wait_for gets cancelled
      t = createTask(task_wait_for_cancel(4, 1, 2));
      await sleep(0.01);
      t.cancel();
      await sleep(0.01);
      print(sep);

      // When wait_for gets cancelled and awaited task ignores the cancellation request
      t = createTask(task_wait_for_cancel_ignore(2));
      await sleep(0.01);
      t.cancel();
      await sleep(0.01);
      print(sep);

      // When wait_for gets cancelled and the task it's waiting on finishes around the
      // same time as the cancellation of the wait_for
      for (var num_sleep = 1; num_sleep < 5; num_sleep++) {
        t = createTask(task_wait_for_cancel(4 + num_sleep, 0, 2));
        for (var i = 0; i < num_sleep; i++) await sleep(0);
        assert.ok(!t.done());
        print("cancel wait_for");
        t.cancel();
        try {
          await t;
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print(repr(er));
        }
        print(sep);
      }

      print("finish");
    });
    assert.deepStrictEqual(r.lines, [
      "task start 1",
      "task end 1",
      "2",
      "----------",
      "task start 2",
      "timeout",
      "----------",
      "task_catch start",
      "ignore cancel",
      "task_catch done",
      "TimeoutError",
      "----------",
      "task start",
      "ValueError",
      "----------",
      "task start 3",
      "task end 3",
      "6",
      "----------",
      "task start 4",
      "task_cancel_other start",
      "task_cancel_other cancel",
      "CancelledError()",
      "----------",
      "task_wait_for_cancel start",
      "task start 4",
      "task_wait_for_cancel cancelled",
      "----------",
      "task_wait_for_cancel_ignore start",
      "task_catch start",
      "task_wait_for_cancel_ignore cancelled",
      "ignore cancel",
      "task_catch done",
      "----------",
      "task_wait_for_cancel start",
      "cancel wait_for",
      "task start 5",
      "task_wait_for_cancel cancelled",
      "CancelledError()",
      "----------",
      "task_wait_for_cancel start",
      "task start 6",
      "cancel wait_for",
      "task end 6",
      "task_wait_for_cancel cancelled",
      "CancelledError()",
      "----------",
      "task_wait_for_cancel start",
      "task start 7",
      "task end 7",
      "cancel wait_for",
      "task_wait_for_cancel cancelled",
      "CancelledError()",
      "----------",
      "task_wait_for_cancel start",
      "task start 8",
      "task end 8",
      "cancel wait_for",
      "task_wait_for_cancel cancelled",
      "CancelledError()",
      "----------",
      "finish",
    ]);
  });
});
