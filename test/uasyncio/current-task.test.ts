import assert = require("assert");
import { createTask, currentTask, sleep, UsageError } from "../../src";
import type { Task } from "../../src";
import { Script } from "./py";

// Port of micropython tests/extmod/asyncio_current_task.py
// (expected output: CPython's, as the test has no .exp).
// uasyncio raises RuntimeError outside a task; ristretto raises UsageError
// "E_NO_TASK", printed as "RuntimeError".
describe("uasyncio: asyncio_current_task.py", function () {
  it("currentTask() is the running task inside one and an error outside any", function () {
    var py = new Script();
    var print = py.print;

    async function task(result: (Task<any> | null)[]) {
      result[0] = currentTask();
    }

    async function main() {
      var result: (Task<any> | null)[] = [null];
      var t = createTask(task(result));
      await sleep(0);
      await sleep(0);
      print(t === result[0]);
    }

    try {
      print(currentTask());
    } catch (er) {
      if (!(er instanceof UsageError && er.code === "E_NO_TASK")) throw er;
      print("RuntimeError");
    }

    py.run(main);

    try {
      print(currentTask());
    } catch (er) {
      if (!(er instanceof UsageError && er.code === "E_NO_TASK")) throw er;
      print("RuntimeError");
    }
    assert.deepStrictEqual(py.lines, ["RuntimeError", "True", "RuntimeError"]);
  });
});
