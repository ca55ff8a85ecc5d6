import assert = require("assert");
import { createTask, sleepMs } from "ristretto";
import { button } from "ristretto/io";
import { BTN1, BTN2 } from "ristretto/board";
import { simBoard } from "../../src/hal/sim";
import { getLoop } from "../../src/core/loop";
import { runVirtual } from "../support/virtual";
import { bouncyPress, drive } from "./script";

// On the sim board BTN1 is D14 (pulled down, high when pressed) and BTN2 is D15 (pulled up, low when pressed).

describe("button (Pushbutton semantics)", function () {
  beforeEach(() => simBoard.reset());

  it("a press is reported at once, and its bounces are not more presses", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1);
      drive(clock, bouncyPress("D14", 100, 200).concat(bouncyPress("D14", 1000, 200)));
      for (var i = 0; i < 2; i++) {
        await b.pressed();
        print("press", clock.now());
        await b.released();
        print("release", clock.now());
      }
    });
    assert.deepStrictEqual(r.lines, ["press 100", "release 300", "press 1000", "release 1200"]);
  });

  it("a press that is waited for again at once is still one press (the lockout outlives the wait)", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1), n = 0;
      drive(clock, bouncyPress("D14", 100, 200));
      createTask(
        (async function () {
          for (;;) {
            await b.pressed();
            n++;
          }
        })(),
      ).name = "counter";
      await sleepMs(1000);
      print("presses", n);
    }, { untilMs: 1000 });
    assert.deepStrictEqual(r.lines, ["presses 1"]);
  });

  it("an active-low button (pulled up) is pressed when its pin reads low", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN2);
      drive(clock, bouncyPress("D15", 50, 100, true));
      print("held at start:", b.isPressed());
      await b.pressed();
      print("press", clock.now(), b.isPressed());
    });
    assert.deepStrictEqual(r.lines, ["held at start: false", "press 50 true"]);
  });

  it("a long press fires after longPressMs while the button is still held; a shorter press does not", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1, { longPressMs: 1000 });
      drive(clock, bouncyPress("D14", 100, 600).concat(bouncyPress("D14", 2000, 3000)));
      await b.longPress();
      print("long press", clock.now(), b.isPressed());
    });
    assert.deepStrictEqual(r.lines, ["long press 3000 true"]);
  });

  it("a long press is seen before a task woken by a timer set later for the same millisecond", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1, { longPressMs: 1000 });
      drive(clock, bouncyPress("D14", 100, 3000));
      createTask(
        (async function () {
          await sleepMs(150);
          await sleepMs(950); // due at 1100, as the long press, but set after its timer (at 100)
          print("timer", clock.now());
        })(),
      );
      await b.longPress();
      print("long press", clock.now());
    }, { untilMs: 2000 });
    assert.deepStrictEqual(r.lines, ["long press 1100", "timer 1100"]);
  });

  it("a double click is two presses within doubleClickMs of the first; slower pairs are not", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1, { doubleClickMs: 400 });
      // 100 and 600: 500 ms apart; 600 and 900: 300 ms apart
      drive(clock, bouncyPress("D14", 100, 100).concat(bouncyPress("D14", 600, 100), bouncyPress("D14", 900, 100)));
      await b.doubleClick();
      print("double click", clock.now());
    });
    assert.deepStrictEqual(r.lines, ["double click 900"]);
  });

  it("two tasks waiting on one button both see the press, through one watch", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1);
      drive(clock, bouncyPress("D14", 100, 100));
      var t = createTask(
        (async function () {
          await b.pressed();
          print("task", clock.now());
        })(),
      );
      await sleepMs(10);
      print("watches", simBoard.watches);
      await b.pressed();
      print("main", clock.now());
      await t;
    });
    assert.deepStrictEqual(r.lines, ["watches 1", "task 100", "main 100"]);
  });

  it("cancelling a wait releases the pin's watch, and the loop goes idle", function () {
    var r = runVirtual(async function (print) {
      var b = button(BTN1);
      var t = createTask(b.longPress());
      await sleepMs(10);
      print("watching", simBoard.watches);
      t.cancel();
      await sleepMs(10);
      print("watching", simBoard.watches, "done", t.done());
    });
    assert.deepStrictEqual(r.lines, ["watching 1", "watching 0 done true"]);
    assert.strictEqual(r.clock.pending(), 0);
  });

  it("cancelling a long press while the button is held cancels its timing too: no watch, no timer left", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1, { longPressMs: 1000 });
      drive(clock, bouncyPress("D14", 100, 3000));
      var t = createTask(b.longPress());
      await sleepMs(500); // held since 100: timing the long press
      print("watching", simBoard.watches);
      t.cancel();
      await sleepMs(10);
      print("watching", simBoard.watches, "done", t.done(), "at", clock.now(), "timers", getLoop()._timers.length);
    }, { untilMs: 5000 });
    assert.deepStrictEqual(r.lines, ["watching 1", "watching 0 done true at 510 timers 0"]);
    assert.strictEqual(r.clock.pending(), 0);
  });

  it("a long press that times out leaves another task's wait on the same button watched", function () {
    var r = runVirtual(async function (print, clock) {
      var b = button(BTN1, { longPressMs: 1000 });
      drive(clock, bouncyPress("D14", 100, 3000));
      var t = createTask(
        (async function () {
          await b.longPress();
          print("long press", clock.now(), "watching", simBoard.watches);
        })(),
      );
      await sleepMs(200); // pressed since 100: the long press is timing, and this task waits for the release beside it
      await b.released();
      print("released", clock.now());
      await t;
    }, { untilMs: 5000 });
    assert.deepStrictEqual(r.lines, ["long press 1100 watching 1", "released 3100"]);
  });
});
