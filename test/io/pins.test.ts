import assert = require("assert");
import { adc, input, output, pwm } from "ristretto/io";
import { D0, D4, D5, LED1 } from "ristretto/board";
import { simBoard } from "../../src/hal/sim";
import { runVirtual } from "../support/virtual";
import { drive } from "./script";

describe("output, input, pwm and adc on the sim board", function () {
  beforeEach(() => simBoard.reset());

  it("an output starts low, and write/on/off/toggle set its pin", function () {
    runVirtual(async function () {
      var led = output(LED1);
      led.on();
      led.toggle();
      led.toggle();
      led.write(false);
    });
    assert.deepStrictEqual(
      simBoard.trace.entries().map((e) => e.pin + "=" + e.value),
      ["D8=1", "D8=0", "D8=1", "D8=0"],
    );
  });

  it("an output's value() is what it last wrote, as a boolean, from its initial level on", function () {
    var seen: unknown[] = [];
    runVirtual(async function () {
      var led = output(LED1, true);
      seen.push(led.value());
      led.toggle();
      seen.push(led.value());
      led.on();
      seen.push(led.value());
      led.write(0 as unknown as boolean);
      seen.push(led.value());
    });
    assert.deepStrictEqual(seen, [true, false, true, false]);
    assert.deepStrictEqual(
      simBoard.trace.entries().map((e) => e.pin + "=" + e.value),
      ["D8=1", "D8=0", "D8=1", "D8=0"],
    );
  });

  it("an input reports each change of level when it comes, woken by a watch", function () {
    var r = runVirtual(async function (print, clock) {
      var pin = input(D4, { pull: "down" });
      drive(clock, [
        [100, "D4", true],
        [250, "D4", false],
      ]);
      print(pin.value(), await pin.changed(), clock.now(), await pin.changed(), clock.now());
      await pin.until(false);
      print("already low", clock.now());
    });
    assert.deepStrictEqual(r.lines, ["false true 100 false 250", "already low 250"]);
  });

  it("an input's pull decides its level when nothing drives it", function () {
    runVirtual(async function () {
      assert.strictEqual(input(D4, { pull: "up" }).value(), true);
      assert.strictEqual(input(D5, { pull: "down" }).value(), false);
    });
  });

  it("pwm starts at 0 and clamps the duty to 0..1", function () {
    runVirtual(async function () {
      var p = pwm(LED1, { freq: 100 });
      p.set(0.5);
      p.set(2);
      p.set(-1);
      assert.strictEqual(p.value(), 0);
    });
    assert.deepStrictEqual(
      simBoard.trace.entries().map((e) => e.value),
      [0, 0.5, 1, 0],
    );
  });

  it("adc reads the pin's analog level", function () {
    runVirtual(async function () {
      var a = adc(D0);
      simBoard.setAnalog("D0", 0.75);
      assert.strictEqual(a.read(), 0.75);
    });
  });
});
