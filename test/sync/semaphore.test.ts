import assert = require("assert");
import { BoundedSemaphore, createTask, gather, Semaphore, sleepMs, UsageError } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

describe("Semaphore and BoundedSemaphore", function () {
  it("lets at most `value` tasks in at once", function () {
    var r = runVirtual(async function (print, clock) {
      var sem = new Semaphore(2), one = new Semaphore(), inside = 0, most = 0;
      async function job() {
        await sem.acquire();
        inside++;
        most = Math.max(most, inside);
        await sleepMs(10);
        inside--;
        sem.release();
      }
      await gather([job(), job(), job(), job(), job()]);
      print("most inside:", most, "done at", clock.now());
      await one.acquire();
      print("without a value, one: locked", one.locked());
    });
    assert.deepStrictEqual(r.lines, ["most inside: 2 done at 30", "without a value, one: locked true"]);
  });

  it("a waiter cancelled after it was handed a permit gives it back", function () {
    var r = runVirtual(async function (print) {
      var sem = new Semaphore(1);
      await sem.acquire();
      var handed = createTask(sem.acquire());
      var other = createTask(sem.acquire());
      await sleepMs(1);
      sem.release();
      handed.cancel();
      await other;
      print("other got it; locked:", sem.locked());
      sem.release();
      print("locked:", sem.locked());
    });
    assert.deepStrictEqual(r.lines, ["other got it; locked: true", "locked: false"]);
  });

  it("BoundedSemaphore refuses to be released more than acquired", function () {
    var sem = new BoundedSemaphore(1);
    runVirtual(async function () {
      await sem.acquire();
      sem.release();
    });
    assert.strictEqual(sem._value, 1, "released once after one acquire");
    assert.throws(() => sem.release(), (e: unknown) => (e as UsageError).code === "E_SEMAPHORE_OVERFLOW");
    var plain = new Semaphore(1);
    plain.release();
    assert.strictEqual(plain._value, 2, "a plain Semaphore may grow");
  });

  it("refuses a value that is not a whole number >= 0", function () {
    [-1, 1.5].forEach(function (v) {
      assert.throws(
        () => new Semaphore(v),
        (e: unknown) => String(e) === usageText("E_BAD_ARG", "a semaphore's value must be a whole number >= 0, got " + v + " (number)"),
      );
    });
  });
});
