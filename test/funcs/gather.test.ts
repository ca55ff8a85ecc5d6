import assert = require("assert");
import { CancelledError, createTask, gather, setExceptionHandler, sleepMs, UsageError } from "../../src";
import { runVirtual } from "../support/virtual";

async function after<T>(ms: number, value: T, print?: (...a: unknown[]) => void): Promise<T> {
  try {
    await sleepMs(ms);
  } catch (e) {
    if (print) print("cancelled", value);
    throw e;
  }
  return value;
}

async function failAfter(ms: number, message: string): Promise<never> {
  await sleepMs(ms);
  throw new Error(message);
}

describe("gather", function () {
  it("runs awaitables concurrently and returns their results in order", function () {
    var r = runVirtual(async function (print, clock) {
      var t = createTask(after(5, "task"));
      print((await gather([after(30, "a"), after(10, "b"), t])).join(","), clock.now());
    });
    assert.deepStrictEqual(r.lines, ["a,b,task 30"]);
  });

  it("raises the first exception at once and leaves the others running", function () {
    var r = runVirtual(async function (print, clock) {
      setExceptionHandler(function (ctx) {
        print("handler:", ctx.message + ":", String(ctx.exception)); // without the task's name, which a device's tasks lack
      });
      try {
        await gather([after(30, "slow", print), failAfter(10, "first"), failAfter(20, "second")]);
      } catch (e) {
        print("raised", String(e), "at", clock.now());
      }
      await sleepMs(50);
    });
    assert.deepStrictEqual(r.lines, [
      "raised Error: first at 10",
      "handler: Task exception wasn't retrieved: Error: second",
    ]);
  });

  it("with returnExceptions, puts exceptions among the results", function () {
    var r = runVirtual(async function (print) {
      var out = await gather([after(5, 1), failAfter(1, "x"), after(2, 3)], { returnExceptions: true });
      print(out.map(String).join(" | "));
    });
    assert.deepStrictEqual(r.lines, ["1 | Error: x | 3"]);
  });

  it("cancelling a gather cancels every awaitable still running", function () {
    var r = runVirtual(async function (print) {
      var g = createTask(gather([after(100, "a", print), after(5, "b", print), after(100, "c", print)]));
      await sleepMs(10);
      g.cancel();
      try {
        await g;
      } catch (e) {
        print("gather raised", e instanceof CancelledError);
      }
    });
    assert.deepStrictEqual(r.lines, ["cancelled a", "cancelled c", "gather raised true"]);
  });

  it("a gathered task may cancel its own gather: it is cancelled too, at its next await", function () {
    var r = runVirtual(async function (print) {
      var g: any;
      async function canceller() {
        await sleepMs(5);
        g.cancel();
        print("cancelled the gather");
        await sleepMs(100);
        return "not cancelled";
      }
      g = createTask(gather([after(100, "a", print), canceller()]));
      try {
        await g;
      } catch (e) {
        print("gather raised", e instanceof CancelledError);
      }
      await sleepMs(200);
    });
    assert.deepStrictEqual(r.lines, ["cancelled the gather", "cancelled a", "gather raised true"]);
  });

  it("counts tasks that finished before it was called", function () {
    var r = runVirtual(async function (print) {
      var t1 = createTask(after(0, "early"));
      await sleepMs(1);
      print(t1.done(), (await gather([t1, after(1, "late")])).join(","));
    });
    assert.deepStrictEqual(r.lines, ["true early,late"]);
  });

  it("returns [] for an empty array and refuses what is not an array", function () {
    var r = runVirtual(async function (print) {
      print(JSON.stringify(await gather([])));
      try {
        await gather(after(1, 1) as any);
      } catch (e) {
        print((e as UsageError).code);
      }
    }, { allowNeverAwaited: true });
    assert.deepStrictEqual(r.lines, ["[]", "E_BAD_ARG"]);
  });

  it("is reported when it is neither awaited nor given to a task, and runs when given to one", function () {
    assert.throws(function () {
      runVirtual(async function () {
        gather([sleepMs(1)]);
      });
    }, /coroutine gather \(.*gather\.ts.*\) was never awaited/);
    var r = runVirtual(async function (print, clock) {
      var t = createTask(gather([after(10, "a"), after(5, "b")]));
      await sleepMs(1);
      print(JSON.stringify(await t), clock.now());
    });
    assert.deepStrictEqual(r.lines, ['["a","b"] 10']);
  });

  it("accepts any awaitable: sleeps, tasks, coroutines, native promises", function () {
    var r = runVirtual(async function (print, clock) {
      var out = await gather([sleepMs(20), after(10, "coro"), createTask(after(5, "task"))]);
      print(JSON.stringify(out), clock.now());
    });
    assert.deepStrictEqual(r.lines, ['[null,"coro","task"] 20']);
  });
});
