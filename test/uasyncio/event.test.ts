import assert = require("assert");
import { createTask, Event, sleep, TimeoutError, waitFor } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_event.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_event.py", function () {
  it("set() wakes every waiter, wait() on a set event returns at once, and cancel and waitFor work on wait()", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task(id: number, ev: Event) {
        print("start", id);
        print(await ev.wait());
        print("end", id);
      }

      async function task_delay_set(t: number, ev: Event) {
        await sleep(t);
        print("set event");
        ev.set();
      }

      var ev = new Event();

      // Set and clear without anything waiting, and test is_set()
      print(ev.isSet());
      ev.set();
      print(ev.isSet());
      ev.clear();
      print(ev.isSet());

      // Create 2 tasks waiting on the event
      print("----");
      createTask(task(1, ev));
      createTask(task(2, ev));
      print("yield");
      await sleep(0);
      print("set event");
      ev.set();
      print("yield");
      await sleep(0);

      // Create a task waiting on the already-set event
      print("----");
      createTask(task(3, ev));
      print("yield");
      await sleep(0);

      // Clear event, start a task, then set event again
      print("----");
      print("clear event");
      ev.clear();
      createTask(task(4, ev));
      await sleep(0);
      print("set event");
      ev.set();
      await sleep(0);

      // Cancel a task waiting on an event (set event then cancel task)
      print("----");
      ev = new Event();
      var t = createTask(task(5, ev));
      await sleep(0);
      ev.set();
      t.cancel();
      await sleep(0.1);

      // Cancel a task waiting on an event (cancel task then set event)
      print("----");
      ev = new Event();
      t = createTask(task(6, ev));
      await sleep(0);
      t.cancel();
      ev.set();
      await sleep(0.1);

      // Wait for an event that does get set in time
      print("----");
      ev.clear();
      createTask(task_delay_set(0.01, ev));
      await waitFor(ev.wait(), 0.1);
      await sleep(0);

      // Wait for an event that doesn't get set in time
      print("----");
      ev.clear();
      createTask(task_delay_set(0.1, ev));
      try {
        await waitFor(ev.wait(), 0.01);
      } catch (er) {
        if (!(er instanceof TimeoutError)) throw er;
        print("TimeoutError");
      }
      await ev.wait();
    });
    assert.deepStrictEqual(r.lines, [
      "False",
      "True",
      "False",
      "----",
      "yield",
      "start 1",
      "start 2",
      "set event",
      "yield",
      "True",
      "end 1",
      "True",
      "end 2",
      "----",
      "yield",
      "start 3",
      "True",
      "end 3",
      "----",
      "clear event",
      "start 4",
      "set event",
      "True",
      "end 4",
      "----",
      "start 5",
      "----",
      "start 6",
      "----",
      "set event",
      "----",
      "TimeoutError",
      "set event",
    ]);
  });
});
