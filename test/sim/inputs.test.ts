import assert = require("assert");
import { sleepMs } from "ristretto";
import { adc, button } from "ristretto/io";
import { BTN1, BTN2, D0 } from "ristretto/board";
import { createSim } from "ristretto/sim";

describe("scripted inputs: double clicks, ADC values and ramps", function () {
  it("doubleClick() makes two presses the firmware's button sees as a double click", async function () {
    var sim = createSim(), at: number[] = [];
    sim.start(async function () {
      var b = button(BTN2); // active low, pulled up: the script presses it low
      for (;;) {
        await b.doubleClick();
        at.push(sim.now());
      }
    });
    sim.doubleClick("BTN2", { at: 1000, gapMs: 250, bounceMs: 4 });
    sim.press("BTN2", { at: 3000 });
    sim.press("BTN2", { at: 4000 }); // 1000 ms apart: two single presses
    await sim.advance(6000);
    assert.deepStrictEqual(at, [1250]);
    assert.deepStrictEqual(sim.pin("BTN2").trace().slice(0, 3), [
      [0, 1], // pulled up
      [1000, 0],
      [1002, 1],
    ]);
  });

  it("ramp() moves an ADC pin in steps that adc().read() sees, and the trace shows it as an analog lane", async function () {
    var sim = createSim(), seen: number[] = [];
    sim.start(async function () {
      var pot = adc(D0);
      for (var i = 0; i < 4; i++) {
        seen.push(pot.read());
        await sleepMs(50);
      }
    });
    sim.ramp("D0", { at: 0, from: 0, to: 1, durationMs: 100, stepMs: 25 });
    await sim.advance(200);
    assert.deepStrictEqual(seen, [0, 0.5, 1, 1]);
    assert.deepStrictEqual(sim.pin("D0").trace(), [
      [25, 0.25],
      [50, 0.5],
      [75, 0.75],
      [100, 1],
    ]);
    assert.match(sim.toVCD(), /\$var real 64 \S+ D0 \$end/);
  });

  it("setAnalog() at a time sets what the pin reads from then on", async function () {
    var sim = createSim(), seen: number[] = [];
    sim.start(async function () {
      var pot = adc(D0);
      seen.push(pot.read());
      await sleepMs(100);
      seen.push(pot.read());
    });
    sim.setAnalog("D0", 0.3, 60);
    await sim.advance(100);
    assert.deepStrictEqual(seen, [0, 0.3]);
  });
});

describe("scripted inputs refuse bad input, saying what they expected", function () {
  it("an ADC value on a pin without ADC names the pins that have one", function () {
    assert.throws(() => createSim().setAnalog("LED1", 0.5), /^Error: setAnalog\(LED1\): D8 has no ADC on sim\. ADC pins: D0, D1, D2, D3$/);
  });

  it("a value outside 0..1", function () {
    assert.throws(() => createSim().setAnalog("D0", 3.3), /setAnalog\(D0\): expected a value from 0 to 1, got 3\.3/);
  });

  it("a ramp that starts in the past", async function () {
    var sim = createSim();
    await sim.advance(500);
    assert.throws(() => sim.ramp("D1", { at: 100, from: 0, to: 1, durationMs: 100 }), /ramp\(D1\): at 100 ms is in the past: the simulation is at 500 ms/);
  });

  it("a double click whose presses would overlap", function () {
    assert.throws(() => createSim().doubleClick("BTN1", { gapMs: 50, holdMs: 80 }), /doubleClick\(BTN1\): gapMs \(50\) must be longer than holdMs plus bounceMs \(80\)/);
  });
});
