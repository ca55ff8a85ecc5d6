import assert = require("assert");
import { CancelledError, createTask, Event, sleepMs, TimeoutError, waitFor, waitForMs } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

async function work(ms: number, print: (...a: unknown[]) => void) {
  try {
    await sleepMs(ms);
    return "finished";
  } catch (e) {
    print("work cancelled:", e instanceof CancelledError);
    await sleepMs(3); // cleanup that takes time
    print("work cleaned up");
    throw e;
  }
}

describe("waitFor and waitForMs", function () {
  it("returns the result when the awaitable finishes in time", function () {
    var r = runVirtual(async function (print, clock) {
      print(await waitForMs(work(10, print), 100), clock.now());
      print(await waitFor(work(10, print), 0.1), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["finished 10", "finished 20"]);
  });

  it("on timeout cancels the awaitable, waits for its cleanup, and raises TimeoutError", function () {
    var r = runVirtual(async function (print, clock) {
      try {
        await waitForMs(work(100, print), 20);
      } catch (e) {
        print(e instanceof TimeoutError, String(e), "at", clock.now());
      }
    });
    assert.deepStrictEqual(r.lines, ["work cancelled: true", "work cleaned up", "true TimeoutError: timed out after 20 ms at 23"]);
  });

  it("raises TimeoutError even if the awaitable swallows the cancellation (uasyncio)", function () {
    var r = runVirtual(async function (print) {
      async function stubborn() {
        try {
          await sleepMs(100);
        } catch (e) {
          return "ignored the cancel";
        }
        return "finished";
      }
      try {
        print(await waitForMs(stubborn(), 10));
      } catch (e) {
        print(String(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["TimeoutError: timed out after 10 ms"]);
  });

  it("cancels a task it waits for on timeout", function () {
    var r = runVirtual(async function (print) {
      var t = createTask(work(100, print));
      try {
        await waitForMs(t, 10);
      } catch (e) {
        print(String(e), t.done());
      }
    });
    assert.deepStrictEqual(r.lines, ["work cancelled: true", "work cleaned up", "TimeoutError: timed out after 10 ms true"]);
  });

  it("a cancelled caller raises CancelledError at once, then the awaitable is cancelled (uasyncio's order)", function () {
    var r = runVirtual(async function (print) {
      var caller = createTask(
        (async () => {
          try {
            await waitForMs(work(100, print), 50);
          } catch (e) {
            print("caller got", String(e));
          }
        })(),
      );
      await sleepMs(5);
      caller.cancel();
      await caller;
    });
    assert.deepStrictEqual(r.lines, ["caller got CancelledError: the task was cancelled", "work cancelled: true", "work cleaned up"]);
  });

  it("passes an exception of the awaitable through", function () {
    var r = runVirtual(async function (print) {
      try {
        await waitForMs(
          (async () => {
            await sleepMs(1);
            throw new Error("inner");
          })(),
          10,
        );
      } catch (e) {
        print(String(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["Error: inner"]);
  });

  it("waits without limit when the limit is null, and leaves no timer when done early", function () {
    var r = runVirtual(async function (print, clock) {
      var ev = new Event();
      createTask(
        (async () => {
          await sleepMs(1000);
          ev.set();
        })(),
      );
      print(await waitFor(ev.wait(), null), clock.now());
      print(await waitForMs(sleepMs(5), 100000), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["true 1000", "undefined 1005"]);
    assert.strictEqual(r.clock.now(), 1005, "the long timeout did not keep the loop busy");
  });

  it("gives at once the result of a task that has already finished", function () {
    var r = runVirtual(async function (print, clock) {
      var t = createTask((async () => "early")());
      await sleepMs(0);
      print(t.done(), await waitForMs(t, 10), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["true early 0"]);
  });

  it("refuses a bad limit or something not awaitable", function () {
    var r = runVirtual(async function (print) {
      var tries: (() => unknown)[] = [() => waitForMs(sleepMs(1), NaN), () => waitFor(sleepMs(1), "1" as any), () => waitForMs(5 as any, 1)];
      for (var i = 0; i < tries.length; i++) {
        try {
          await (tries[i]() as any);
        } catch (e) {
          print(String(e));
        }
      }
    });
    assert.deepStrictEqual(r.lines, [
      usageText("E_BAD_DELAY", "waitForMs expects a number of milliseconds or null, got NaN (number)"),
      usageText("E_BAD_DELAY", 'waitFor expects a number of seconds or null, got "1" (string)'),
      usageText("E_NOT_AWAITABLE", "expected an awaitable (a coroutine, a Task or a thenable), got 5 (number)"),
    ]);
  });
});
