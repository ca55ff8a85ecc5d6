import assert = require("assert");
import { CancelledError, createTask, Lock, sleep } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_lock_cancel.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_lock_cancel.py", function () {
  it("cancelling several waiters of a lock as it is released still gives it to one task at a time", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task(i: number, lock: Lock, lock_flag: boolean[]) {
        print("task", i, "start");
        try {
          await lock.acquire();
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("task", i, "cancel");
          return;
        }
        print("task", i, "lock_flag", lock_flag[0]);
        lock_flag[0] = true;
        await sleep(0);
        lock.release();
        lock_flag[0] = false;
        print("task", i, "done");
      }

      // Create a lock and acquire it so the tasks below must wait
      var lock = new Lock();
      await lock.acquire();
      var lock_flag = [true];

      // Create 4 tasks and let them all run
      var t0 = createTask(task(0, lock, lock_flag));
      var t1 = createTask(task(1, lock, lock_flag));
      var t2 = createTask(task(2, lock, lock_flag));
      var t3 = createTask(task(3, lock, lock_flag));
      await sleep(0);

      // Cancel 2 of the tasks (which are waiting on the lock) and release the lock
      t1.cancel();
      t2.cancel();
      lock.release();
      lock_flag[0] = false;

      // Let the tasks run to completion
      for (var i = 0; i < 4; i++) await sleep(0);

      // The locke should be unlocked
      print(lock.locked());
    });
    assert.deepStrictEqual(r.lines, [
      "task 0 start",
      "task 1 start",
      "task 2 start",
      "task 3 start",
      "task 1 cancel",
      "task 2 cancel",
      "task 0 lock_flag False",
      "task 0 done",
      "task 3 lock_flag False",
      "task 3 done",
      "False",
    ]);
  });
});
