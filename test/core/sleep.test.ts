import assert = require("assert");
import { checkpoint, createTask, sleep, sleepMs, UsageError } from "../../src";
import { runVirtual } from "../support/virtual";

describe("sleep, sleepMs and checkpoint", function () {
  it("sleepMs waits exactly that much virtual time", function () {
    var r = runVirtual(async function (print, clock) {
      await sleepMs(250);
      print(clock.now());
      await sleep(1.5);
      print(clock.now());
    });
    assert.deepStrictEqual(r.lines, ["250", "1750"]);
  });

  it("tasks due at the same time wake in the order they went to sleep", function () {
    var r = runVirtual(async function (print) {
      async function sleeper(name: string, ms: number) {
        await sleepMs(ms);
        print(name);
      }
      createTask(sleeper("c", 30));
      createTask(sleeper("a", 10));
      createTask(sleeper("b", 10));
      createTask(sleeper("d", 30));
      await sleepMs(40);
    });
    assert.deepStrictEqual(r.lines, ["a", "b", "c", "d"]);
  });

  it("sleepMs(0) lets every other ready task run first", function () {
    var r = runVirtual(async function (print) {
      createTask((async () => print("other"))());
      await sleepMs(0);
      print("back");
    });
    assert.deepStrictEqual(r.lines, ["other", "back"]);
  });

  it("what sleep() and sleepMs() give can be kept and awaited later", function () {
    var r = runVirtual(async function (print, clock) {
      var pause = sleep(0.05), turn = sleepMs(0);
      createTask((async () => print("other"))());
      await turn;
      print("after its turn at", clock.now());
      await pause;
      print("after the pause at", clock.now());
    });
    assert.deepStrictEqual(r.lines, ["other", "after its turn at 0", "after the pause at 50"]);
  });

  it("a negative delay is treated as 0, as uasyncio does", function () {
    var r = runVirtual(async function (print, clock) {
      await sleepMs(-1);
      print(clock.now());
    });
    assert.deepStrictEqual(r.lines, ["0"]);
  });

  it("refuses a delay that is not a number, naming it", function () {
    var bad: unknown[] = [NaN, "10", undefined];
    var messages = bad.map(function (v) {
      try {
        sleepMs(v as number);
        return "accepted";
      } catch (e) {
        return (e as UsageError).code + ": " + (e as UsageError).message;
      }
    });
    assert.deepStrictEqual(messages, [
      "E_BAD_DELAY: sleepMs expects a number of milliseconds (0 or more), got NaN (number)",
      'E_BAD_DELAY: sleepMs expects a number of milliseconds (0 or more), got "10" (string)',
      "E_BAD_DELAY: sleepMs expects a number of milliseconds (0 or more), got undefined (undefined)",
    ]);
    assert.throws(() => sleep(NaN), /sleep expects a number of seconds/);
  });

  it("sleepMs(Infinity) sleeps until cancelled and arms no timer", function () {
    var r = runVirtual(async function (print, clock) {
      var t = createTask(
        (async () => {
          await sleepMs(Infinity);
        })(),
      );
      await sleepMs(5);
      print("timers while it sleeps:", clock.pending());
      t.cancel();
      await sleepMs(0);
      print(t.done());
    });
    assert.deepStrictEqual(r.lines, ["timers while it sleeps: 0", "true"]);
  });

  it("checkpoint() returns at once until the time slice is spent, then yields", function () {
    var r = runVirtual(async function (print, clock) {
      createTask(
        (async () => {
          print("blinker ran at", clock.now());
        })(),
      );
      for (var i = 0; i < 50; i++) {
        clock.spend(1); // a millisecond of CPU work per iteration
        await checkpoint();
      }
      print("worker done at", clock.now());
    });
    // SLICE_MS is 20: the other task gets its turn once the worker has used it.
    assert.deepStrictEqual(r.lines, ["blinker ran at 20", "worker done at 50"]);
  });
});
