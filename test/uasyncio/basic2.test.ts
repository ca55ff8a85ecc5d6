import assert = require("assert");
import { createTask, sleep } from "../../src";
import { Script } from "./py";

// Port of micropython tests/extmod/asyncio_basic2.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_basic2.py", function () {
  it("run() gives the main task's result while a created task still sleeps", function () {
    var py = new Script();

    py.print(
      py.run(async function (print) {
        async function forever() {
          print("forever start");
          await sleep(10);
        }

        print("main start");
        createTask(forever());
        await sleep(0.001);
        print("main done");
        return 42;
      }),
    );
    assert.deepStrictEqual(py.lines, ["main start", "forever start", "main done", "42"]);
  });
});
