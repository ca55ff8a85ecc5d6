import assert = require("assert");
import { CancelledError, createTask, sleep, TimeoutError, waitFor } from "../../src";
import type { Task } from "../../src";
import { Script } from "./py";

// Port of micropython tests/extmod/asyncio_wait_for_fwd.py (expected output: its .exp).
describe("uasyncio: asyncio_wait_for_fwd.py", function () {
  it("cancelling a task in waitFor forwards the cancellation to the awaited work", function () {
    var py = new Script();
    var print = py.print;

    async function awaiting(t: number, return_if_fail: boolean) {
      try {
        print("awaiting started");
        await sleep(t);
      } catch (er) {
        if (er instanceof CancelledError) {
          // CPython wait_for raises CancelledError inside task but TimeoutError in wait_for
          print("awaiting canceled");
          if (return_if_fail) {
            return false; // return has no effect if Cancelled
          } else {
            throw er;
          }
        }
        print("caught exception", er);
        throw er;
      }
    }

    async function test_cancellation_forwarded(catch_: boolean, catch_inside: boolean) {
      print("----------");

      async function wait() {
        try {
          await waitFor(awaiting(2, catch_inside), 1);
        } catch (er) {
          if (er instanceof TimeoutError) {
            print("Got timeout error");
            throw er;
          } else if (er instanceof CancelledError) {
            print("Got canceled");
            if (!catch_) throw er;
          } else throw er;
        }
      }

      async function cancel(t: Task<void>) {
        print("cancel started");
        await sleep(0.01);
        print("cancel wait()");
        t.cancel();
      }

      var t = createTask(wait());
      var k = createTask(cancel(t));
      try {
        await t;
      } catch (er) {
        if (!(er instanceof CancelledError)) throw er;
        print("waiting got cancelled");
      }
    }

    py.run(() => test_cancellation_forwarded(false, false));
    py.run(() => test_cancellation_forwarded(false, true));
    py.run(() => test_cancellation_forwarded(true, true));
    py.run(() => test_cancellation_forwarded(true, false));

    assert.deepStrictEqual(py.lines, [
      "----------",
      "cancel started",
      "awaiting started",
      "cancel wait()",
      "Got canceled",
      "awaiting canceled",
      "waiting got cancelled",
      "----------",
      "cancel started",
      "awaiting started",
      "cancel wait()",
      "Got canceled",
      "awaiting canceled",
      "waiting got cancelled",
      "----------",
      "cancel started",
      "awaiting started",
      "cancel wait()",
      "Got canceled",
      "awaiting canceled",
      "----------",
      "cancel started",
      "awaiting started",
      "cancel wait()",
      "Got canceled",
      "awaiting canceled",
    ]);
  });
});
