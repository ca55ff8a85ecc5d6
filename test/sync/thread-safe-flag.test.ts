import assert = require("assert");
import { createTask, sleepMs, ThreadSafeFlag, UsageError } from "../../src";
import { runVirtual } from "../support/virtual";

describe("ThreadSafeFlag", function () {
  it("an interrupt callback's set() wakes the waiting task, which clears the flag", function () {
    var r = runVirtual(async function (print, clock) {
      var flag = new ThreadSafeFlag();
      clock.setTimer(() => flag.set(), 30); // as setWatch would call it, outside the loop
      await flag.wait();
      print("woken at", clock.now());
      clock.setTimer(() => flag.set(), 5);
      await flag.wait();
      print("woken again at", clock.now());
    });
    assert.deepStrictEqual(r.lines, ["woken at 30", "woken again at 35"]);
  });

  it("sets that come before the waiter runs count as one", function () {
    var r = runVirtual(async function (print, clock) {
      var flag = new ThreadSafeFlag(), wakeups = 0;
      var t = createTask(
        (async () => {
          for (;;) {
            await flag.wait();
            wakeups++;
          }
        })(),
      );
      await sleepMs(1);
      flag.set();
      flag.set();
      flag.set();
      await sleepMs(10);
      print("wakeups:", wakeups);
      t.cancel();
    });
    assert.deepStrictEqual(r.lines, ["wakeups: 1"]);
  });

  it("a flag set before wait() returns at once", function () {
    var r = runVirtual(async function (print, clock) {
      var flag = new ThreadSafeFlag();
      flag.set();
      await flag.wait();
      print("at", clock.now());
      flag.set();
      flag.clear();
      createTask(
        (async () => {
          await sleepMs(7);
          flag.set();
        })(),
      );
      await flag.wait();
      print("after clear, waited until", clock.now());
    });
    assert.deepStrictEqual(r.lines, ["at 0", "after clear, waited until 7"]);
  });

  it("refuses a second waiter", function () {
    var r = runVirtual(async function (print) {
      var flag = new ThreadSafeFlag();
      var first = createTask(flag.wait());
      await sleepMs(1);
      try {
        await flag.wait();
      } catch (e) {
        print((e as UsageError).code);
      }
      flag.set();
      await first;
    });
    assert.deepStrictEqual(r.lines, ["E_FLAG_BUSY"]);
  });
});
