import assert = require("assert");
import { createTask, Event, sleep } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_event_fair.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_event_fair.py", function () {
  it("tasks that keep setting and waiting on an event do not take over the scheduler", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task1(id: number) {
        for (var i = 0; i < 4; i++) {
          print("sleep", id);
          await sleep(0);
        }
      }

      async function task2(id: number, ev: Event) {
        for (var i = 0; i < 4; i++) {
          ev.set();
          ev.clear();
          print("wait", id);
          await ev.wait();
        }
      }

      var ev = new Event();
      var tasks = [createTask(task1(0)), createTask(task2(2, ev)), createTask(task1(1)), createTask(task2(3, ev))];
      await tasks[1];
      ev.set();
    });
    assert.deepStrictEqual(r.lines, [
      "sleep 0",
      "wait 2",
      "sleep 1",
      "wait 3",
      "sleep 0",
      "sleep 1",
      "wait 2",
      "sleep 0",
      "sleep 1",
      "wait 3",
      "sleep 0",
      "sleep 1",
      "wait 2",
      "wait 3",
      "wait 2",
      "wait 3",
    ]);
  });
});
