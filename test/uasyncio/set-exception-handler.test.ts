import assert = require("assert");
import { createTask, setExceptionHandler, sleep } from "../../src";
import type { ExceptionContext } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint, repr, ValueError } from "./py";

// Port of micropython tests/extmod/asyncio_set_exception_handler.py
// (expected output: CPython's, as the test has no .exp).
// ristretto has no get_exception_handler(), so the script's first two prints
// (the default handler is None; the handler was set) are left out, with the
// two lines they print ("None", "True").
describe("uasyncio: asyncio_set_exception_handler.py", function () {
  it("the handler hears of each exception no one retrieved, in order, and not of one that was awaited", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      function custom_handler(context: ExceptionContext) {
        print("custom_handler", repr(context.exception));
      }

      async function task(i: number) {
        // Raise with 2 args so exception prints the same in MicroPython and CPython
        throw new ValueError(i, i + 1);
      }

      // Set exception handler
      setExceptionHandler(custom_handler);

      // Create a task that raises and uses the custom exception handler
      createTask(task(0));
      print("sleep");
      for (var i = 0; i < 2; i++) await sleep(0);

      // Create 2 tasks to test order of printing exception
      createTask(task(1));
      createTask(task(2));
      print("sleep");
      for (var i = 0; i < 2; i++) await sleep(0);

      // Create a task, let it run, then await it (no exception should be printed)
      var t = createTask(task(3));
      await sleep(0);
      try {
        await t;
      } catch (er) {
        if (!(er instanceof ValueError)) throw er;
        print(repr(er));
      }

      print("done");
    });
    assert.deepStrictEqual(r.lines, [
      "sleep",
      "custom_handler ValueError(0, 1)",
      "sleep",
      "custom_handler ValueError(1, 2)",
      "custom_handler ValueError(2, 3)",
      "ValueError(3, 4)",
      "done",
    ]);
  });
});
