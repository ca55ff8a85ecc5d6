import assert = require("assert");
import { Event } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_event_queue.py (expected output: its .exp).
// The watchdog that micropython.schedule() re-arms until 100 ms have passed
// is one callback of the virtual clock 100 ms later, from outside any task.
describe("uasyncio: asyncio_event_queue.py", function () {
  it("a task waiting on an event set from outside the loop is woken when no task is ready", function () {
    var r = runVirtual(async function (out, clock) {
      var print = pyPrint(out);
      var evt = new Event();

      function schedule_watchdog(ms: number) {
        clock.setTimer(function () {
          print("asyncio still pending, unlocking event");
          evt.set();
        }, ms);
      }

      async function foo() {
        print("foo waiting");
        schedule_watchdog(100);
        await evt.wait();
        print("foo done");
      }

      print("main started");
      await foo();
      print("main done");
    });
    assert.deepStrictEqual(r.lines, ["main started", "foo waiting", "asyncio still pending, unlocking event", "foo done", "main done"]);
  });
});
