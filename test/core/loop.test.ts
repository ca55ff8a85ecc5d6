import assert = require("assert");
import { createTask, Event, run, sleepMs, UsageError } from "../../src";
import { Loop, setLoop } from "../../src/core/loop";
import type { Task } from "../../src/core/task";
import { VirtualClock } from "../../src/sim/virtual-clock";
import { runVirtual } from "../support/virtual";

describe("the event loop", function () {
  it("arms one platform timer, for the earliest deadline, when every task waits", function () {
    var clock = new VirtualClock(), loop = new Loop(clock), prev = setLoop(loop), seen: string[] = [];
    async function sleeper(ms: number) {
      await sleepMs(ms);
    }
    try {
      run(async () => {
        createTask(sleeper(300));
        createTask(sleeper(100));
        createTask(sleeper(200));
      });
      seen.push(clock.now() + ": " + clock.pending());
      while (clock.fireNext()) seen.push(clock.now() + ": " + clock.pending());
    } finally {
      setLoop(prev);
    }
    assert.deepStrictEqual(seen, ["0: 1", "100: 1", "200: 1", "300: 0"]);
  });

  it("arms no timer at all when no task waits on time", function () {
    var clock = new VirtualClock(), loop = new Loop(clock), prev = setLoop(loop), ev = new Event();
    try {
      var t = run(async () => {
        await ev.wait();
      });
      assert.strictEqual(clock.pending(), 0, "idle: the runtime may sleep");
      ev.set(); // as from an interrupt callback
      assert.strictEqual(clock.pending(), 1, "woken from outside: one immediate timer");
      assert.ok(clock.fireNext());
      assert.ok(t.done());
      assert.strictEqual(clock.pending(), 0);
    } finally {
      setLoop(prev);
    }
  });

  it("returns to the runtime after a time slice even if tasks are still ready", function () {
    var runs = 0;
    var clock = new VirtualClock(), loop = new Loop(clock), prev = setLoop(loop);
    try {
      var t = run(async () => {
        for (var i = 0; i < 100; i++) {
          clock.spend(1);
          await sleepMs(0);
        }
      });
      while (clock.fireNext()) runs++;
    } finally {
      setLoop(prev);
    }
    assert.ok(t.done());
    // 100 ms of work in 20 ms slices: run() does the first slice, four timer
    // wakeups the next four, and a fifth resumes the task for its return.
    assert.strictEqual(runs, 5);
  });

  it("after a fault in the framework, what the round had not run yet runs first, in order", function () {
    var lines: string[] = [], faults: string[] = [];
    var clock = new VirtualClock(), loop = new Loop(clock), prev = setLoop(loop);
    function worker(name: string) {
      return async function () {
        for (var i = 0; i < 2; i++) {
          lines.push(name + i);
          await sleepMs(0);
        }
      };
    }
    try {
      createTask(worker("a")());
      // A one-off step that fails: a fault of the framework, not of a task.
      loop._soon({
        _run: function () {
          throw new Error("fault");
        },
      } as unknown as Task<any>);
      createTask(worker("b")());
      try {
        loop._run();
      } catch (e) {
        faults.push(String(e));
      }
      assert.deepStrictEqual(lines, ["a0"], "the round stopped at the fault");
      while (clock.fireNext());
    } finally {
      setLoop(prev);
    }
    assert.deepStrictEqual(faults, ["Error: fault"]);
    // b was queued before a's yield: it runs first; the loop stayed usable.
    assert.deepStrictEqual(lines, ["a0", "b0", "a1", "b1"]);
  });

  it("refuses run() from inside a task", function () {
    var r = runVirtual(async function (print) {
      try {
        run(async () => {});
      } catch (e) {
        print((e as UsageError).code);
      }
    }, { allowNeverAwaited: true });
    assert.deepStrictEqual(r.lines, ["E_NESTED_RUN"]);
  });

  it("run() accepts an async function or its coroutine and returns the main task", function () {
    var r = runVirtual(async function () {
      return 7;
    });
    assert.strictEqual(r.task.result(), 7);
    assert.strictEqual(r.task.name, "main");
  });
});
