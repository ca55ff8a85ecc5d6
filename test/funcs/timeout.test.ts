import assert = require("assert");
import { sleepMs, timeout, TimeoutError } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

describe("timeout", function () {
  it("raises TimeoutError at the await in progress when time runs out", function () {
    var r = runVirtual(async function (print, clock) {
      try {
        await timeout(50, async () => {
          for (var i = 0; ; i++) {
            print("step", i);
            await sleepMs(20);
          }
        });
      } catch (e) {
        print(e instanceof TimeoutError, "at", clock.now());
      }
    });
    assert.deepStrictEqual(r.lines, ["step 0", "step 1", "step 2", "true at 50"]);
  });

  it("of 0 ms raises TimeoutError at the scope's first wait, though its task was the last to run before the timer fired", function () {
    var r = runVirtual(async function (print, clock) {
      try {
        await timeout(0, async () => {
          print("started");
          await sleepMs(10);
          print("never printed");
        });
      } catch (e) {
        print(String(e), "at", clock.now());
      }
    });
    assert.deepStrictEqual(r.lines, ["started", "TimeoutError: timed out after 0 ms at 0"]);
  });

  it("returns the scope's result and cancels its timer when it finishes in time", function () {
    var r = runVirtual(async function (print, clock) {
      print(await timeout(1000, async () => {
        await sleepMs(10);
        return "in time";
      }), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["in time 10"]);
    assert.strictEqual(r.clock.now(), 10);
  });

  it("with no limit (Infinity) sets no timer and waits as long as the scope takes", function () {
    var r = runVirtual(async function (print, clock) {
      print(await timeout(Infinity, async () => {
        await sleepMs(5000);
        return "done";
      }), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["done 5000"]);
  });

  it("the inner of two nested scopes that expires first raises; the outer passes it on", function () {
    var r = runVirtual(async function (print, clock) {
      try {
        await timeout(100, () =>
          timeout(30, async () => {
            await sleepMs(1000);
          }),
        );
      } catch (e) {
        print(String(e), clock.now());
      }
      try {
        await timeout(30, () =>
          timeout(100, async () => {
            await sleepMs(1000);
          }),
        );
      } catch (e) {
        print(String(e), clock.now());
      }
    });
    assert.deepStrictEqual(r.lines, ["TimeoutError: timed out after 30 ms 30", "TimeoutError: timed out after 30 ms 60"]);
  });

  it("refuses a scope that is not a function, and a limit that is not a number", function () {
    var r = runVirtual(async function (print) {
      var tries = [() => timeout(10, sleepMs(1) as any), () => timeout(NaN, async () => 1)];
      for (var i = 0; i < tries.length; i++) {
        try {
          await tries[i]();
        } catch (e) {
          print(String(e));
        }
      }
    });
    assert.deepStrictEqual(r.lines, [
      usageText("E_BAD_ARG", "timeout expects a function that returns an awaitable, got an awaitable that is not a coroutine (wrap it: async () => await it)"),
      usageText("E_BAD_DELAY", "timeout expects a number of milliseconds, got NaN (number)"),
    ]);
  });
});
