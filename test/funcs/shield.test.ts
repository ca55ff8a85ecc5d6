import assert = require("assert");
import { CancelledError, createTask, setExceptionHandler, shield, sleepMs, waitForMs } from "../../src";
import { runVirtual } from "../support/virtual";

describe("shield", function () {
  it("cancelling the awaiter raises CancelledError there while the shielded work runs on", function () {
    var r = runVirtual(async function (print, clock) {
      var work = createTask(
        (async () => {
          await sleepMs(50);
          print("work finished at", clock.now());
          return "saved";
        })(),
      );
      var waiter = createTask(
        (async () => {
          try {
            await shield(work);
          } catch (e) {
            print("waiter cancelled", e instanceof CancelledError, "at", clock.now());
          }
        })(),
      );
      await sleepMs(10);
      waiter.cancel();
      print("result", await work);
    });
    assert.deepStrictEqual(r.lines, ["waiter cancelled true at 10", "work finished at 50", "result saved"]);
  });

  it("a timeout around a shield leaves the shielded coroutine running", function () {
    var r = runVirtual(async function (print, clock) {
      async function save() {
        await sleepMs(30);
        print("saved at", clock.now());
      }
      try {
        await waitForMs(shield(save()), 10);
      } catch (e) {
        print(String(e), "at", clock.now());
      }
      await sleepMs(100);
    });
    assert.deepStrictEqual(r.lines, ["TimeoutError: timed out after 10 ms at 10", "saved at 30"]);
  });

  it("gives the result or the exception when not cancelled", function () {
    var r = runVirtual(async function (print) {
      print(await shield((async () => 1)()));
      try {
        await shield(
          (async () => {
            await sleepMs(1);
            throw new Error("inner");
          })(),
        );
      } catch (e) {
        print(String(e));
      }
    });
    assert.deepStrictEqual(r.lines, ["1", "Error: inner"]);
  });

  it("an exception of shielded work whose awaiters all left reaches the handler", function () {
    var r = runVirtual(async function (print) {
      setExceptionHandler(function (ctx) {
        print("handler:", ctx.message + ":", String(ctx.exception)); // without the task's name, which a device's tasks lack
      });
      var waiter = createTask(
        (async () => {
          await shield(
            (async () => {
              await sleepMs(20);
              throw new Error("nobody listens");
            })(),
          );
        })(),
        "waiter",
      );
      await sleepMs(5);
      waiter.cancel();
      await sleepMs(50);
    });
    assert.deepStrictEqual(r.lines, ["handler: Task exception wasn't retrieved: Error: nobody listens"]);
  });
});
