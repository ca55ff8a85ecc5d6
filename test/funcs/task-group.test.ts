import assert = require("assert");
import { CancelledError, createTask, sleepMs, taskGroup, TaskGroupError, UsageError } from "../../src";
import type { TaskGroup } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

async function counter(print: (...a: unknown[]) => void, begin: number, end: number, boom = 42) {
  for (var i = begin; i < end; i++) {
    print(i);
    if (i === boom) throw new Error("The answer!");
    try {
      await sleepMs(100);
    } catch (e) {
      print("cancelled at", i);
      throw e;
    }
  }
  return "The end";
}

describe("taskGroup", function () {
  it("waits for every task and returns the body's result", function () {
    var r = runVirtual(async function (print, clock) {
      var out = await taskGroup(async (tg) => {
        tg.createTask(counter(print, 0, 2));
        tg.createTask(counter(print, 10, 13));
        return "body result";
      });
      print(out, "at", clock.now());
    });
    assert.deepStrictEqual(r.lines, ["0", "10", "1", "11", "12", "body result at 300"]);
  });

  it("the first failure cancels the others and the errors come back together (the talk's trio example)", function () {
    var r = runVirtual(async function (print) {
      try {
        await taskGroup(async (tg) => {
          tg.createTask(counter(print, 42, 120));
          tg.createTask(counter(print, 35, 80));
          tg.createTask(
            (async () => {
              throw new Error("division by zero");
            })(),
          );
        });
      } catch (e) {
        print(e instanceof TaskGroupError, (e as TaskGroupError).errors.map(String).join(" + "));
      }
    });
    assert.deepStrictEqual(r.lines, ["42", "35", "cancelled at 35", "true Error: The answer! + Error: division by zero"]);
  });

  it("a failure cancels the body where it waits, and the body's own error joins the group's", function () {
    var r = runVirtual(async function (print, clock) {
      try {
        await taskGroup(async (tg) => {
          tg.createTask(
            (async () => {
              await sleepMs(10);
              throw new Error("child");
            })(),
          );
          try {
            await sleepMs(1000);
          } catch (e) {
            print("body cancelled", e instanceof CancelledError, "at", clock.now());
            throw new Error("body");
          }
        });
      } catch (e) {
        print(String(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["body cancelled true at 10", "TaskGroupError: unhandled errors in a task group (2): Error: child; Error: body"]);
  });

  it("cancelling the caller cancels the group's tasks and raises CancelledError", function () {
    var r = runVirtual(async function (print) {
      var t = createTask(
        taskGroup(async (tg) => {
          tg.createTask(counter(print, 0, 10));
          tg.createTask(counter(print, 100, 110));
          await sleepMs(10000);
        }),
      );
      await sleepMs(150);
      t.cancel();
      try {
        await t;
      } catch (e) {
        print("group raised", String(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["0", "100", "1", "101", "cancelled at 1", "cancelled at 101", "group raised CancelledError: the task was cancelled"]);
  });

  it("cancelling the caller once the body has returned cancels the tasks and raises CancelledError when they have ended", function () {
    var r = runVirtual(async function (print, clock) {
      var t = createTask(
        taskGroup(async (tg) => {
          tg.createTask(counter(print, 0, 10));
          return "body done";
        }),
      );
      await sleepMs(150);
      t.cancel();
      try {
        print("group returned", await t);
      } catch (e) {
        print("group raised", String(e), "at", clock.now());
      }
    });
    assert.deepStrictEqual(r.lines, ["0", "1", "cancelled at 1", "group raised CancelledError: the task was cancelled at 150"]);
  });

  it("takes no new task while it shuts down after a failure", function () {
    var r = runVirtual(async function (print) {
      try {
        await taskGroup(async (tg) => {
          tg.createTask(
            (async () => {
              throw new Error("child");
            })(),
          );
          try {
            await sleepMs(100);
          } catch (e) {
            try {
              tg.createTask(counter(print, 0, 1));
            } catch (x) {
              print((x as UsageError).code);
            }
            throw e;
          }
        });
      } catch (e) {
        print(String(e));
      }
    }, { allowNeverAwaited: true });
    assert.deepStrictEqual(r.lines, ["E_GROUP_ABORTING", "TaskGroupError: unhandled errors in a task group (1): Error: child"]);
  });

  it("a failure cancels a started task at the await where it yields, not a step later", function () {
    var r = runVirtual(async function (print) {
      var spins = 0;
      try {
        await taskGroup(async (tg) => {
          // A loop that resumes where it began: a device build's body of one case, with no switch.
          tg.createTask(
            (async () => {
              for (;;) {
                print("spin", ++spins);
                await sleepMs(0);
              }
            })(),
          );
          tg.createTask(
            (async () => {
              await sleepMs(0);
              throw new Error("boom");
            })(),
          );
        });
      } catch (e) {
        print(String(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["spin 1", "spin 2", "TaskGroupError: unhandled errors in a task group (1): Error: boom"]);
  });

  it("is reported when it is neither awaited nor given to a task", function () {
    assert.throws(function () {
      runVirtual(async function () {
        taskGroup(async () => undefined);
      });
    }, /coroutine taskGroup \(.*task-group\.ts.*\) was never awaited/);
  });

  it("refuses on the host an await of the group itself", function () {
    var r = runVirtual(async function (print) {
      print(
        await taskGroup(async (tg) => {
          tg.createTask(counter(print, 0, 1));
          try {
            await (tg as unknown as PromiseLike<void>);
          } catch (e) {
            print(String(e));
          }
          return "body done";
        }),
      );
    });
    assert.deepStrictEqual(r.lines, [usageText("E_NOT_AWAITABLE", "await expects a coroutine, a Task or a thenable, got an object without then()"), "0", "body done"]);
  });

  it("tasks that finish while the body still runs are fine, and no new task is taken once it is over", function () {
    var saved: TaskGroup[] = [];
    var r = runVirtual(async function (print) {
      await taskGroup(async (tg) => {
        saved.push(tg);
        tg.createTask(counter(print, 0, 1));
        await sleepMs(500);
      });
      try {
        saved[0].createTask(counter(print, 0, 1));
      } catch (e) {
        print((e as UsageError).code);
      }
    }, { allowNeverAwaited: true });
    assert.deepStrictEqual(r.lines, ["0", "E_GROUP_CLOSED"]);
  });
});
