import assert = require("assert");
import { CancelledError, createTask, gather, Queue, QueueEmpty, QueueFull, sleepMs, waitForMs } from "../../src";
import { runVirtual, usageText } from "../support/virtual";

describe("Queue", function () {
  it("passes items from producers to consumers in order", function () {
    var r = runVirtual(async function (print) {
      var q = new Queue<number>();
      async function producer() {
        for (var i = 0; i < 4; i++) {
          await sleepMs(5);
          await q.put(i);
        }
      }
      async function consumer() {
        var got: number[] = [];
        while (got.length < 4) got.push(await q.get());
        return got.join(",");
      }
      print((await gather([producer(), consumer()]))[1]);
    });
    assert.deepStrictEqual(r.lines, ["0,1,2,3"]);
  });

  it("put() waits while the queue is full", function () {
    var r = runVirtual(async function (print, clock) {
      var q = new Queue<string>(1);
      await q.put("a");
      print(q.full(), q.qsize());
      createTask(
        (async () => {
          await sleepMs(20);
          print("got", await q.get());
        })(),
      );
      await q.put("b");
      print("put b at", clock.now(), "size", q.qsize());
    });
    assert.deepStrictEqual(r.lines, ["true 1", "got a", "put b at 20 size 1"]);
  });

  it("putNowait on a full Queue raises QueueFull and getNowait on an empty one QueueEmpty", function () {
    var q = new Queue<number>(1);
    q.putNowait(1);
    assert.throws(() => q.putNowait(2), (e: unknown) => e instanceof QueueFull && String(e) === "QueueFull: the queue is full");
    assert.strictEqual(q.getNowait(), 1);
    assert.throws(() => q.getNowait(), (e: unknown) => e instanceof QueueEmpty);
    assert.ok(q.empty());
  });

  it("a get() that times out loses no item", function () {
    var r = runVirtual(async function (print) {
      var q = new Queue<string>();
      try {
        await waitForMs(q.get(), 5);
      } catch (e) {
        print(String(e));
      }
      q.putNowait("kept");
      print(await q.get());
    });
    assert.deepStrictEqual(r.lines, ["TimeoutError: timed out after 5 ms", "kept"]);
  });

  it("a get() cancelled once woken passes the item on to the next one waiting", function () {
    var r = runVirtual(async function (print) {
      var q = new Queue<string>(), a = createTask(q.get()), b = createTask(q.get());
      await sleepMs(0);
      q.putNowait("x"); // wakes a
      a.cancel(); // before a runs: b takes the item instead
      try {
        await a;
      } catch (e) {
        print("a cancelled:", e instanceof CancelledError);
      }
      print("b got", await b);
    });
    assert.deepStrictEqual(r.lines, ["a cancelled: true", "b got x"]);
  });

  it("a put() cancelled once woken passes the free place on to the next one waiting", function () {
    var r = runVirtual(async function (print) {
      var q = new Queue<string>(1);
      q.putNowait("x");
      var a = createTask(q.put("a")), b = createTask(q.put("b"));
      await sleepMs(0);
      print(q.getNowait()); // wakes a
      a.cancel(); // before a runs: b takes the place instead
      try {
        await a;
      } catch (e) {
        print("a cancelled:", e instanceof CancelledError);
      }
      await b;
      print(q.getNowait(), q.qsize());
    });
    assert.deepStrictEqual(r.lines, ["x", "a cancelled: true", "b 0"]);
  });

  it("refuses a maxsize that is not a whole number >= 0", function () {
    assert.throws(
      () => new Queue(-2),
      (e: unknown) => String(e) === usageText("E_BAD_ARG", "a Queue's maxsize must be a whole number >= 0 (0: unbounded), got -2 (number)"),
    );
  });
});
