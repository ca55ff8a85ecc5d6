import assert = require("assert");
import { createTask } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_await_return.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_await_return.py", function () {
  it("a coroutine awaited directly and one run as a task both return their value to the caller", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function foo() {
        return 42;
      }

      // Call function directly via an await
      print(await foo());

      // Create a task and await on it
      var task = createTask(foo());
      print(await task);
    });
    assert.deepStrictEqual(r.lines, ["42", "42"]);
  });
});
