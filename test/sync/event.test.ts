import assert = require("assert");
import { createTask, Event, sleepMs, waitForMs } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

describe("Event", function () {
  it("set() wakes every waiter, in the order they came, and wait() gives true", function () {
    var r = runVirtual(async function (print) {
      var ev = new Event();
      async function waiter(name: string) {
        print(name, "got", await ev.wait());
      }
      createTask(waiter("a"));
      createTask(waiter("b"));
      createTask(waiter("c"));
      await sleepMs(10);
      print("set");
      ev.set();
      await sleepMs(0);
    });
    assert.deepStrictEqual(r.lines, ["set", "a got true", "b got true", "c got true"]);
  });

  it("wait() returns at once while set, and waits again after clear()", function () {
    var r = runVirtual(async function (print, clock) {
      var ev = new Event();
      ev.set();
      print(ev.isSet(), await ev.wait(), clock.now());
      ev.clear();
      createTask(
        (async () => {
          await sleepMs(25);
          ev.set();
        })(),
      );
      await ev.wait();
      print(ev.isSet(), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["true true 0", "true 25"]);
  });

  it("a cancelled waiter leaves the event's waiters; the others still wake", function () {
    var r = runVirtual(async function (print) {
      var ev = new Event();
      try {
        await waitForMs(ev.wait(), 10);
      } catch (e) {
        print(String(e));
      }
      var t = createTask(
        (async () => {
          await ev.wait();
          print("second waiter woke");
        })(),
      );
      await sleepMs(1);
      print("waiting:", ev._tasks.length);
      ev.set();
      await t;
    });
    assert.deepStrictEqual(r.lines, ["TimeoutError: timed out after 10 ms", "waiting: 1", "second waiter woke"]);
  });

  it("refuses on the host an await of the event itself, as uasyncio does: wait() is what is awaited", function () {
    var r = runVirtual(async function (print) {
      var ev = new Event();
      ev.set();
      try {
        await (ev as unknown as PromiseLike<boolean>);
      } catch (e) {
        print(String(e));
      }
      print("wait():", await ev.wait());
    });
    assert.deepStrictEqual(r.lines, [usageText("E_NOT_AWAITABLE", "await expects a coroutine, a Task or a thenable, got an object without then()"), "wait(): true"]);
  });

  it("wait().then() hears true once the event is set, as a Promise would", function () {
    var r = runVirtual(async function (print, clock) {
      var ev = new Event();
      var t = ev.wait().then((v) => print("then", v, clock.now()));
      await sleepMs(5);
      ev.set();
      await t;
    });
    assert.deepStrictEqual(r.lines, ["then true 5"]);
  });

  it("an async function may return wait(): its caller gets true once the event is set", function () {
    var r = runVirtual(async function (print, clock) {
      var ev = new Event();
      async function setLater() {
        await sleepMs(7);
        ev.set();
      }
      async function waitSet(): Promise<true> {
        return ev.wait();
      }
      createTask(setLater());
      print(await waitSet(), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["true 7"]);
  });

  it("set() from outside the loop (an interrupt callback) wakes the waiter", function () {
    var ev = new Event();
    var r = runVirtual(async function (print, clock) {
      setImmediateLike(clock, 40, () => ev.set());
      await ev.wait();
      print("woken at", clock.now());
    });
    assert.deepStrictEqual(r.lines, ["woken at 40"]);
  });
});

/** Calls fn at virtual time `at` from the clock itself, outside any task. */
export function setImmediateLike(clock: { setTimer(fn: () => void, ms: number): unknown; now(): number }, at: number, fn: () => void): void {
  clock.setTimer(fn, at - clock.now());
}
