import assert = require("assert");
import { CancelledError, createTask, UsageError } from "../../src";
import type { Task } from "../../src";
import { Script } from "./py";

// Port of micropython tests/extmod/asyncio_cancel_self.py (expected output: its .exp).
// uasyncio raises RuntimeError("can't cancel self"); ristretto raises
// UsageError with code "E_CANCEL_SELF", which the port prints as that text.
describe("uasyncio: asyncio_cancel_self.py", function () {
  it("a task cancelling itself is an error that reaches the caller of run()", function () {
    var py = new Script();
    var global_task: Task<void>;

    async function task() {
      py.print("task start");
      global_task.cancel();
    }

    async function main() {
      global_task = createTask(task());
      try {
        await global_task;
      } catch (er) {
        if (!(er instanceof CancelledError)) throw er;
        py.print("main cancel");
      }
      py.print("main done");
    }

    try {
      py.run(main);
    } catch (er) {
      if (!(er instanceof UsageError && er.code === "E_CANCEL_SELF")) throw er;
      py.print("can't cancel self");
    }
    assert.deepStrictEqual(py.lines, ["task start", "can't cancel self"]);
  });
});
