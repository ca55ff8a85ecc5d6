import assert = require("assert");
import { UsageError, createTask, sleepMs } from "ristretto";
import { every } from "ristretto/io";
import { runVirtual } from "../support/virtual";

describe("every", function () {
  it("keeps absolute deadlines: call k is at k * ms after 10,000 periods, whatever each call costs", function () {
    var late = 0, calls = 0;
    runVirtual(async function (_print, clock) {
      var start = clock.now();
      await every(20, function (n) {
        if (clock.now() !== start + n * 20) late++;
        calls++;
        clock.spend(n % 7); // work that takes 0 to 6 ms
        return n < 9999;
      });
    });
    assert.deepStrictEqual([calls, late], [10000, 0]);
  });

  it("a call that overruns skips the ticks it missed and keeps the phase", function () {
    var r = runVirtual(async function (print, clock) {
      await every(100, function (n) {
        print(n, clock.now());
        if (n === 1) clock.spend(250);
        return n < 3;
      });
    });
    assert.deepStrictEqual(r.lines, ["0 0", "1 100", "2 400", "3 500"]);
  });

  it("awaits an async fn before counting the next period from the same phase", function () {
    var r = runVirtual(async function (print, clock) {
      await every(100, async function (n) {
        await sleepMs(30);
        print(n, clock.now());
        return n < 2;
      });
    });
    assert.deepStrictEqual(r.lines, ["0 30", "1 130", "2 230"]);
  });

  it("stops when its task is cancelled", function () {
    var r = runVirtual(async function (print) {
      var n = 0;
      var t = createTask(every(10, () => void n++));
      await sleepMs(55);
      t.cancel();
      await sleepMs(100);
      print(n, t.done());
    });
    assert.deepStrictEqual(r.lines, ["6 true"]);
  });

  it("is reported when it is neither awaited nor given to a task", function () {
    assert.throws(function () {
      runVirtual(async function () {
        every(10, () => false);
      });
    }, /coroutine every \(.*every\.ts.*\) was never awaited/);
  });

  it("refuses a period that is not above 0, saying what it got", function () {
    var r = runVirtual(() => every(0, () => false), { mainMayFail: true });
    assert.ok(r.error instanceof UsageError);
    assert.match(String(r.error), /E_BAD_PERIOD.*every expects a period in milliseconds above 0, got 0 \(number\)/);
  });
});
