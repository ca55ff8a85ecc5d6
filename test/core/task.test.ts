import assert = require("assert");
import { CancelledError, createTask, currentTask, Event, setExceptionHandler, sleepMs, Task, UsageError } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

function code(e: unknown): string {
  return e instanceof UsageError ? e.code : "not a UsageError: " + String(e);
}

describe("Task", function () {
  it("starts a created task at the scheduler's next step, not at once", function () {
    var r = runVirtual(async function (print) {
      createTask((async () => print("task runs"))());
      print("after createTask");
      await sleepMs(0);
      print("after yielding");
    });
    assert.deepStrictEqual(r.lines, ["after createTask", "task runs", "after yielding"]);
  });

  it("runs an awaited coroutine inline, with no scheduling hop", function () {
    var r = runVirtual(async function (print) {
      createTask((async () => print("other task"))());
      await (async () => print("inline coroutine"))();
      print("main continues");
      await sleepMs(0);
    });
    assert.deepStrictEqual(r.lines, ["inline coroutine", "main continues", "other task"]);
  });

  it("cancelling a sleeping task raises CancelledError at its await and runs its finally", function () {
    var r = runVirtual(async function (print, clock) {
      var t = createTask(
        (async () => {
          try {
            await sleepMs(1000);
            print("not reached");
          } catch (e) {
            print("caught", e instanceof CancelledError);
            throw e;
          } finally {
            print("finally");
          }
        })(),
      );
      await sleepMs(10);
      print("cancel ->", t.cancel());
      try {
        await t;
      } catch (e) {
        print("awaiter sees", String(e));
      }
      print("done at", clock.now());
    });
    assert.deepStrictEqual(r.lines.slice(0, 4), ["cancel -> true", "caught true", "finally", "awaiter sees CancelledError: the task was cancelled"]);
    assert.strictEqual(r.clock.now(), 10, "the cancelled sleep left no timer behind");
  });

  it("cancelling a task that never started ends it without running any of its code", function () {
    var r = runVirtual(async function (print) {
      var t = createTask((async () => print("never printed"))());
      print(t.cancel(), t.done());
      try {
        await t;
      } catch (e) {
        print("raised", e instanceof CancelledError, t.done());
      }
    });
    assert.deepStrictEqual(r.lines, ["true false", "raised true true"]);
  });

  it("a task woken with a value and cancelled before it runs gets CancelledError instead", function () {
    var r = runVirtual(async function (print) {
      var ev = new Event();
      var t = createTask(
        (async () => {
          try {
            print("woken with", await ev.wait());
          } catch (e) {
            print("raised", String(e));
          }
        })(),
      );
      await sleepMs(0);
      ev.set(); // t is queued to resume with true...
      print("cancel ->", t.cancel()); // ...and resumes with this instead
      await t;
    });
    assert.deepStrictEqual(r.lines, ["cancel -> true", "raised CancelledError: the task was cancelled"]);
  });

  it("a task woken with a value takes it, and its later plain wake-ups take the short path again", function () {
    var r = runVirtual(async function (print) {
      var ev = new Event();
      var t = createTask(
        (async () => {
          print("woken with", await ev.wait());
          await sleepMs(10);
          print("slept");
        })(),
      );
      await sleepMs(0);
      ev.set();
      print("queued with a value: own _run", own(t, "_run"), own(t, "_value"), own(t, "_error"));
      await sleepMs(5);
      print("sleeping: own _run", t._run === Task.prototype._run ? "the driver" : "other", own(t, "_value"), own(t, "_error"));
      await t;
    });
    assert.deepStrictEqual(r.lines, [
      "queued with a value: own _run true true false",
      "woken with true",
      "sleeping: own _run the driver false false",
      "slept",
    ]);
    function own(o: object, k: string) {
      return Object.prototype.hasOwnProperty.call(o, k);
    }
  });

  it("cancel() returns false on a finished task", function () {
    var r = runVirtual(async function (print) {
      var t = createTask((async () => 5)());
      print(await t, t.cancel());
    });
    assert.deepStrictEqual(r.lines, ["5 false"]);
  });

  it("a task awaiting a task that gets cancelled is cancelled in turn", function () {
    var r = runVirtual(async function (print) {
      var inner = createTask(sleepForever());
      var outer = createTask(
        (async () => {
          try {
            await inner;
          } catch (e) {
            print("outer got", e instanceof CancelledError);
          }
        })(),
      );
      await sleepMs(1);
      inner.cancel();
      await outer;
    });
    assert.deepStrictEqual(r.lines, ["outer got true"]);
  });

  it("cancelling a task that awaits another task cancels the awaited one, as uasyncio does", function () {
    var r = runVirtual(async function (print) {
      var inner = createTask(
        (async () => {
          try {
            await sleepMs(1000);
          } catch (e) {
            print("inner cancelled");
            throw e;
          }
        })(),
      );
      var outer = createTask(
        (async () => {
          await inner;
        })(),
      );
      await sleepMs(1);
      outer.cancel();
      try {
        await outer;
      } catch (e) {
        print("outer", String(e), "inner done:", inner.done());
      }
    });
    assert.deepStrictEqual(r.lines, ["inner cancelled", "outer CancelledError: the task was cancelled inner done: true"]);
  });

  it("a task cannot cancel itself", function () {
    var r = runVirtual(async function (print) {
      try {
        currentTask().cancel();
      } catch (e) {
        print(code(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["E_CANCEL_SELF"]);
  });

  it("a task awaiting itself gets an error instead of waiting forever", function () {
    var r = runVirtual(async function (print) {
      try {
        await currentTask();
      } catch (e) {
        print(code(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["E_AWAIT_SELF"]);
  });

  it("result() gives the value, raises the exception, and refuses before the end", function () {
    var r = runVirtual(async function (print) {
      var ok = createTask((async () => "value")(), "ok");
      var bad = createTask(
        (async (): Promise<void> => {
          throw new Error("bad");
        })(),
        "bad",
      );
      try {
        ok.result();
      } catch (e) {
        print(code(e), String(e).indexOf("task ok") >= 0);
      }
      await sleepMs(0);
      print(ok.done(), ok.result(), ok.name);
      try {
        bad.result();
      } catch (e) {
        print("raised", String(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["E_TASK_PENDING true", "true value ok", "raised Error: bad"]);
  });

  it("an exception in one task never stops the others and reaches the handler with the task's name", function () {
    var r = runVirtual(async function (print) {
      createTask(
        (async (): Promise<void> => {
          await sleepMs(5);
          throw new Error("boom");
        })(),
        "crasher",
      );
      for (var i = 0; i < 3; i++) {
        await sleepMs(4);
        print("still running", i);
      }
    });
    assert.deepStrictEqual(r.lines, [
      "still running 0",
      "handler: Task exception wasn't retrieved (task crasher): Error: boom",
      "still running 1",
      "still running 2",
    ]);
  });

  it("a handler that raises is reported with its own exception, and the tasks go on", function () {
    var said: string[] = [], log = console.log;
    console.log = function (s: unknown) {
      said.push(String(s));
    };
    try {
      var r = runVirtual(async function (print) {
        setExceptionHandler(function () {
          throw new Error("the handler broke");
        });
        createTask(
          (async () => {
            throw new Error("boom");
          })(),
        );
        await sleepMs(10);
        print("still running");
      });
    } finally {
      console.log = log;
    }
    assert.deepStrictEqual(r.lines, ["still running"]);
    // The task's name on the host; then, where the runtime has one, a line of the stack.
    assert.strictEqual(said[0].replace(" (task <anonymous>)", ""), "exception handler failed: Error: the handler broke");
  });

  it("reports an exception no one retrieved with the first line of its stack, where that is text", function () {
    var said: string[] = [], log = console.log;
    console.log = function (s: unknown) {
      said.push(String(s));
    };
    try {
      runVirtual(async function () {
        setExceptionHandler(undefined); // the default: printed
        var thrown = [{ stack: "  at f (app.js:1:5)\n  at g (app.js:1:9)" }, { stack: 5 }];
        for (var i = 0; i < thrown.length; i++) {
          createTask(
            (async (x: unknown) => {
              throw x;
            })(thrown[i]),
          );
        }
        await sleepMs(1);
      });
    } finally {
      console.log = log;
    }
    assert.deepStrictEqual(said.map((l) => l.replace(/ \(task [^)]*\)/, "")), [
      "Task exception wasn't retrieved: [object Object]",
      "  at f (app.js:1:5)",
      "Task exception wasn't retrieved: [object Object]",
    ]);
  });

  it("an exception that an awaiter retrieves is not reported to the handler", function () {
    var r = runVirtual(async function (print) {
      var t = createTask(
        (async (): Promise<void> => {
          throw new Error("boom");
        })(),
      );
      try {
        await t;
      } catch (e) {
        print("awaiter got", String(e));
      }
      await sleepMs(1);
    });
    assert.deepStrictEqual(r.lines, ["awaiter got Error: boom"]);
  });

  it("runs ready tasks in FIFO order", function () {
    var r = runVirtual(async function (print) {
      async function worker(id: number) {
        for (var i = 0; i < 3; i++) {
          print(id, i);
          await sleepMs(0);
        }
      }
      createTask(worker(1));
      createTask(worker(2));
      createTask(worker(3));
      await sleepMs(1);
    });
    assert.deepStrictEqual(r.lines, ["1 0", "2 0", "3 0", "1 1", "2 1", "3 1", "1 2", "2 2", "3 2"]);
  });

  it("currentTask() is the running task and refuses outside one", function () {
    var seen: Task<any>[] = [];
    var r = runVirtual(async function () {
      var t = createTask(
        (async () => {
          seen.push(currentTask());
        })(),
      );
      await t;
      seen.push(t);
    });
    assert.strictEqual(seen[0], seen[1]);
    assert.throws(() => currentTask(), (e: unknown) => code(e) === "E_NO_TASK");
    assert.ok(r.task.done());
  });

  it("createTask refuses what is not a coroutine, and a coroutine given to a task already", function () {
    var r = runVirtual(async function (print) {
      var c = (async () => 1)();
      try {
        createTask(sleepMs(1) as any);
      } catch (e) {
        print(code(e), String(e).indexOf("an awaitable that is not a coroutine") > 0);
      }
      createTask(c);
      try {
        createTask(c);
      } catch (e) {
        print(code(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["E_NOT_COROUTINE true", "E_REUSED_COROUTINE"]);
  });

  it("a coroutine given to a task cannot be awaited", function () {
    var r = runVirtual(async function (print) {
      var c = (async () => 1)();
      createTask(c);
      try {
        await c;
      } catch (e) {
        print(code(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["E_REUSED_COROUTINE"]);
  });

  it("awaiting something that is not awaitable raises an error naming what was received", function () {
    var r = runVirtual(async function (print) {
      var values: unknown[] = [5, undefined, "x", sleepMs, {}];
      for (var i = 0; i < values.length; i++) {
        try {
          await (values[i] as any);
        } catch (e) {
          print(String(e));
        }
      }
    });
    assert.deepStrictEqual(
      r.lines,
      ["5 (number)", "undefined (undefined)", '"x" (string)', "a function (did you forget to call it?)", "an object without then()"].map(function (got) {
        return usageText("E_NOT_AWAITABLE", "await expects a coroutine, a Task or a thenable, got " + got);
      }),
    );
  });

  it("then() on a coroutine starts it as a task and chains like a Promise", function () {
    var r = runVirtual(async function (print) {
      var chained = (async () => {
        await sleepMs(3);
        return 2;
      })().then((v) => v * 10);
      print(await chained);
      print(
        await (async (): Promise<number> => {
          throw new Error("x");
        })().catch((e) => "caught " + String(e)),
      );
    });
    assert.deepStrictEqual(r.lines, ["20", "caught Error: x"]);
  });

  it("awaits a native Promise and resumes when it settles", async function () {
    // On the real-time default loop: a native Promise settles in a microtask.
    var v = await Promise.resolve(41).then((x) => x + 1);
    assert.strictEqual(v, 42);
    await assert.rejects(Promise.reject(new Error("native")), /native/);
    try {
      await Promise.reject(new Error("thrown at the await"));
      assert.fail("not reached");
    } catch (e) {
      assert.strictEqual((e as Error).message, "thrown at the await");
    }
  });

  it("a thenable whose then() throws raises that at the await, unless it settled first, as a Promise would", function () {
    var r = runVirtual(async function (print) {
      var broken = {
        then: (): void => {
          throw new Error("then() threw");
        },
      } as unknown as PromiseLike<unknown>;
      var settled = {
        then: (ok: (v: unknown) => void): void => {
          ok("settled first");
          throw new Error("ignored");
        },
      } as unknown as PromiseLike<unknown>;
      try {
        await broken;
      } catch (e) {
        print("raised:", (e as Error).message);
      }
      print("value:", await settled);
      await sleepMs(0);
      print("and only once");
    });
    assert.deepStrictEqual(r.lines, ["raised: then() threw", "value: settled first", "and only once"]);
  });

  it("a thenable that rejects raises its reason at the await, at once or when it settles later", function () {
    var r = runVirtual(async function (print, clock) {
      function rejecting(ms: number): PromiseLike<unknown> {
        return {
          then: (ok: unknown, no: (e: unknown) => void): void => {
            if (ms) clock.setTimer(() => no(new Error("rejected after " + ms + " ms")), ms);
            else no(new Error("rejected at once"));
          },
        } as unknown as PromiseLike<unknown>;
      }
      for (var ms = 0; ms <= 30; ms += 30) {
        try {
          await rejecting(ms);
        } catch (e) {
          print("raised:", (e as Error).message, "at", clock.now());
        }
      }
    });
    assert.deepStrictEqual(r.lines, ["raised: rejected at once at 0", "raised: rejected after 30 ms at 30"]);
  });

  it("nested awaits 10,000 deep run without growing the JavaScript stack", function () {
    var r = runVirtual(async function (print) {
      async function depth(n: number): Promise<number> {
        if (n === 0) {
          await sleepMs(1);
          return 0;
        }
        return 1 + (await depth(n - 1));
      }
      print(await depth(10000));
    });
    assert.deepStrictEqual(r.lines, ["10000"]);
  });

  it("reports a coroutine that was created and never awaited, by name", function () {
    var r = runVirtual(
      async function () {
        async function blink() {
          await sleepMs(1);
        }
        blink();
      },
      { allowNeverAwaited: true },
    );
    assert.strictEqual(r.neverAwaited.length, 1);
    assert.match(r.neverAwaited[0], /^blink \(.*task\.test\.ts:\d+:\d+\)$/);
    assert.throws(() => runVirtual(async () => void (async function forgotten() {})()), /coroutine forgotten .* was never awaited/);
  });
});

async function sleepForever() {
  await sleepMs(Infinity);
}
