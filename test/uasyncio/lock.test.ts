import assert = require("assert");
import { CancelledError, createTask, Lock, sleep } from "../../src";
import type { Task } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_lock.py
// (expected output: CPython's, as the test has no .exp; the test's comment
// says the ordering matches CPython's).
// `async with lock:` is `await lock.acquire(); try { ... } finally { lock.release(); }`.
describe("uasyncio: asyncio_lock.py", function () {
  it("hands the lock to waiters in order, and cancelling a holder or a waiter leaves it consistent", function () {
    var r = runVirtual(async function (out) {
      var print = pyPrint(out);

      async function task_loop(id: number, lock: Lock) {
        print("task start", id);
        for (var i = 0; i < 3; i++) {
          await lock.acquire();
          try {
            print("task have", id, i);
          } finally {
            lock.release();
          }
        }
        print("task end", id);
      }

      async function task_sleep(lock: Lock) {
        await lock.acquire();
        try {
          print("task have", lock.locked());
          await sleep(0.2);
        } finally {
          lock.release();
        }
        print("task release", lock.locked());
        await lock.acquire();
        print("task have again");
        lock.release();
      }

      async function task_cancel(id: number, lock: Lock, to_cancel: (Task<void> | null)[] | null = null) {
        try {
          await lock.acquire();
          try {
            print("task got", id);
            await sleep(0.1);
          } finally {
            lock.release();
          }
          print("task release", id);
          if (to_cancel) to_cancel[0]!.cancel();
        } catch (er) {
          if (!(er instanceof CancelledError)) throw er;
          print("task cancel", id);
        }
      }

      var lock = new Lock();

      // Basic acquire/release
      print(lock.locked());
      await lock.acquire();
      print(lock.locked());
      await sleep(0);
      lock.release();
      print(lock.locked());
      await sleep(0);

      // Use with "async with"
      await lock.acquire();
      try {
        print("have lock");
      } finally {
        lock.release();
      }

      // 3 tasks wanting the lock
      print("----");
      createTask(task_loop(1, lock));
      createTask(task_loop(2, lock));
      var t3 = createTask(task_loop(3, lock));
      await lock.acquire();
      await sleep(0);
      lock.release();
      await t3;

      // 2 sleeping tasks both wanting the lock
      print("----");
      createTask(task_sleep(lock));
      await sleep(0.1);
      await task_sleep(lock);

      // 3 tasks, the first cancelling the second, the third should still run
      print("----");
      var ts: (Task<void> | null)[] = [null];
      createTask(task_cancel(0, lock, ts));
      ts[0] = createTask(task_cancel(1, lock));
      createTask(task_cancel(2, lock));
      await sleep(0.3);
      print(lock.locked());

      // 3 tasks, the second and third being cancelled while waiting on the lock
      print("----");
      var t0 = createTask(task_cancel(0, lock));
      var t1 = createTask(task_cancel(1, lock));
      var t2 = createTask(task_cancel(2, lock));
      await sleep(0.05);
      t1.cancel();
      await sleep(0.1);
      t2.cancel();
      await sleep(0.1);
      print(lock.locked());
    });
    assert.deepStrictEqual(r.lines, [
      "False",
      "True",
      "False",
      "have lock",
      "----",
      "task start 1",
      "task start 2",
      "task start 3",
      "task have 1 0",
      "task have 2 0",
      "task have 3 0",
      "task have 1 1",
      "task have 2 1",
      "task have 3 1",
      "task have 1 2",
      "task end 1",
      "task have 2 2",
      "task end 2",
      "task have 3 2",
      "task end 3",
      "----",
      "task have True",
      "task release False",
      "task have True",
      "task release False",
      "task have again",
      "task have again",
      "----",
      "task got 0",
      "task release 0",
      "task cancel 1",
      "task got 2",
      "task release 2",
      "False",
      "----",
      "task got 0",
      "task cancel 1",
      "task release 0",
      "task got 2",
      "task cancel 2",
      "False",
    ]);
  });
});
