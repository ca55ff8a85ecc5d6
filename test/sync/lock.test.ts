import assert = require("assert");
import { createTask, gather, Lock, sleepMs, waitForMs } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

describe("Lock", function () {
  it("lets one task at a time in, and hands the lock to the first waiter when it is released", function () {
    var r = runVirtual(async function (print) {
      var lock = new Lock();
      async function critical(name: string) {
        await lock.acquire();
        try {
          print(name, "in");
          await sleepMs(10);
          print(name, "out");
        } finally {
          lock.release();
        }
      }
      await gather([critical("a"), critical("b"), critical("c")]);
      print("locked after:", lock.locked());
    });
    assert.deepStrictEqual(r.lines, ["a in", "a out", "b in", "b out", "c in", "c out", "locked after: false"]);
  });

  it("a cancelled acquire never leaks the lock, even when cancelled just after being handed it", function () {
    var r = runVirtual(async function (print) {
      var lock = new Lock();
      await lock.acquire();
      var waiting = createTask(lock.acquire());
      var next = createTask(
        (async () => {
          await lock.acquire();
          print("next got the lock");
          lock.release();
        })(),
      );
      await sleepMs(1);
      lock.release(); // handed to `waiting`, which has not run yet
      waiting.cancel(); // so it must pass the lock on
      try {
        await waiting;
      } catch (e) {
        print("waiting raised", String(e));
      }
      await next;
      print("locked:", lock.locked());
    });
    // The cancelled waiter passes the lock on before it finishes, so `next` runs first.
    assert.deepStrictEqual(r.lines, ["next got the lock", "waiting raised CancelledError: the task was cancelled", "locked: false"]);
  });

  it("an acquire that times out leaves the queue of waiters", function () {
    var r = runVirtual(async function (print) {
      var lock = new Lock();
      await lock.acquire();
      try {
        await waitForMs(lock.acquire(), 5);
      } catch (e) {
        print(String(e), "waiters:", lock._w._size());
      }
      lock.release();
      print("locked:", lock.locked());
    });
    assert.deepStrictEqual(r.lines, ["TimeoutError: timed out after 5 ms waiters: 0", "locked: false"]);
  });

  it("releasing an unlocked Lock is an error that says so", function () {
    var lock = new Lock();
    assert.throws(
      () => lock.release(),
      (e: unknown) => String(e) === usageText("E_LOCK_NOT_HELD", "release() of a Lock that is not locked: call it once after each acquire()"),
    );
  });
});
