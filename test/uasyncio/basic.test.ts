import assert = require("assert");
import { sleep } from "../../src";
import { runVirtual } from "../support/virtual";
import { pyPrint } from "./py";

// Port of micropython tests/extmod/asyncio_basic.py
// (expected output: CPython's, as the test has no .exp).
// ticks() is the virtual clock, so the durations are exact.
describe("uasyncio: asyncio_basic.py", function () {
  it("sleeps for the time asked, and a negative sleep does not wait", function () {
    var r = runVirtual(async function (out, clock) {
      var print = pyPrint(out);
      var ticks = () => clock.now();
      var ticks_diff = (t1: number, t0: number) => t1 - t0;
      var round100 = (x: number) => Math.round(x / 100) * 100; // round(x, -2)

      async function delay_print(t: number, s: string) {
        await sleep(t);
        print(s);
      }

      print("start");

      await sleep(0.001);
      print("after sleep");

      var t0 = ticks();
      await delay_print(0.2, "short");
      var t1 = ticks();
      await delay_print(0.4, "long");
      var t2 = ticks();
      await delay_print(-1, "negative");
      var t3 = ticks();

      print("took " + round100(ticks_diff(t1, t0)) + " " + round100(ticks_diff(t2, t1)) + " " + round100(ticks_diff(t3, t2)));
    });
    assert.deepStrictEqual(r.lines, ["start", "after sleep", "short", "long", "negative", "took 200 400 0"]);
  });
});
