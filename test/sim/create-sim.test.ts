import assert = require("assert");
import path = require("path");
import { createTask, sleepMs } from "ristretto";
import { button, output } from "ristretto/io";
import { BTN1, LED1 } from "ristretto/board";
import { createSim } from "ristretto/sim";

var firmware = (app: string) => path.resolve(__dirname, "../../firmware", app, "main.js");

describe("createSim: firmware on a simulated board in virtual time", function () {
  it("runs an app as a device boots it, and records each LED change with its virtual time", async function () {
    var sim = createSim("sim");
    sim.startApp(firmware("blink-many"));
    await sim.advance(1000);
    assert.deepStrictEqual(sim.pin("LED1").trace(), [
      [0, 1],
      [500, 0],
      [1000, 1],
    ]);
    assert.deepStrictEqual(sim.pin("LED2").trace(), [
      [0, 1],
      [300, 0],
      [600, 1],
      [900, 0],
    ]);
  });

  it("startApp takes the app's source folder, as the build does", async function () {
    var sim = createSim("sim");
    sim.startApp(path.resolve(__dirname, "../../../firmware/blink"));
    await sim.advance(500);
    assert.deepStrictEqual(sim.pin("LED1").trace(), [
      [0, 1],
      [500, 0],
    ]);
    assert.throws(() => sim.startApp("firmware/nope"), /App "firmware\/nope" not found: expected a firmware folder/);
  });

  it("an hour of blinking passes at once, and the same program gives the same trace every run", async function () {
    var traces: string[] = [];
    for (var run = 0; run < 2; run++) {
      var sim = createSim("sim");
      sim.startApp(firmware("blink-many"));
      await sim.advance(3600 * 1000);
      assert.strictEqual(sim.pin("LED1").trace().length, 7201);
      traces.push(sim.toVCD());
    }
    assert.strictEqual(traces[0], traces[1]);
  });

  it("each startApp boots the app's modules afresh: the talk's seeded dice roll the same after another start, or a test, used them", async function () {
    var { randint } = require("../../firmware/talk/random") as typeof import("../../firmware/talk/random");
    randint(1, 6); // as a test of the talk's modules in this process would
    var runs: string[][] = [];
    for (var run = 0; run < 2; run++) {
      var sim = createSim("sim");
      sim.startApp(firmware("talk"));
      await sim.advance(5000);
      runs.push(sim.console.map((c) => c.t + " " + c.text));
    }
    assert.ok(runs[0].indexOf("1300 Ooops!") >= 0, "the roll of a fresh seed 40:\n" + runs[0].join("\n"));
    assert.deepStrictEqual(runs[1], runs[0]);
  });

  it("simulates the chosen board's profile: LED1 is B2 on the Espruino Pico", async function () {
    var sim = createSim("espruino-pico");
    sim.start(async function () {
      var led = output(LED1);
      for (;;) {
        led.toggle();
        await sleepMs(250);
      }
    });
    await sim.advance(500);
    assert.strictEqual(String(LED1), "B2");
    assert.deepStrictEqual(sim.pin("LED1").trace(), [
      [0, 1],
      [250, 0],
      [500, 1],
    ]);
    assert.strictEqual(sim.pin("LED1").level(), true);
  });

  it("press() presses a button at its active level, with bounces, and the firmware sees one press", async function () {
    var sim = createSim("sim"), presses: number[] = [];
    sim.start(async function () {
      var b = button(BTN1);
      for (;;) {
        await b.pressed();
        presses.push(sim.clock.now());
      }
    });
    sim.press("BTN1", { at: 1500, holdMs: 800, bounceMs: 5 });
    sim.press("BTN1", { at: 3000 });
    await sim.advance(4000);
    assert.deepStrictEqual(presses, [1500, 3000]);
    assert.deepStrictEqual(sim.pin("BTN1").trace().slice(0, 4), [
      [1500, 1],
      [1502.5, 0],
      [1505, 1],
      [2300, 0],
    ]);
  });

  it("captures the console with the time of each line", async function () {
    var sim = createSim();
    sim.start(async function () {
      console.log("boot");
      await sleepMs(1200);
      console.log("later", 2);
    });
    await sim.runUntilIdle();
    assert.deepStrictEqual(sim.console, [
      { t: 0, text: "boot" },
      { t: 1200, text: "later 2" },
    ]);
  });

  it("a program that throws keeps its trace, and the error names the task and the TypeScript line", async function () {
    var sim = createSim();
    sim.start(async function () {
      var led = output(LED1);
      led.on();
      createTask(
        (async function () {
          await sleepMs(100);
          throw new Error("sensor gone");
        })(),
        "reader",
      );
      await sleepMs(300);
      led.off();
    });
    await sim.advance(1000);
    assert.deepStrictEqual(sim.pin("LED1").trace(), [
      [0, 1],
      [300, 0],
    ]);
    assert.strictEqual(sim.errors.length, 1);
    assert.strictEqual(sim.errors[0].t, 100);
    assert.match(sim.errors[0].message, /^Task exception wasn't retrieved \(task reader\) at test\/sim\/create-sim\.test\.ts:\d+:\d+: Error: sensor gone$/);
  });
});

describe("createSim reports failures as a device prints them", function () {
  it("a main task that fails: the console line, and the error with the TypeScript line", async function () {
    var sim = createSim();
    sim.start(async function () {
      await sleepMs(50);
      throw new Error("no sensor");
    });
    await sim.advance(100);
    assert.deepStrictEqual(sim.console, [{ t: 50, text: "Task exception wasn't retrieved (task main): Error: no sensor" }]);
    assert.match(sim.errors[0].message, /^Task exception wasn't retrieved \(task main\) at test\/sim\/create-sim\.test\.ts:\d+:\d+: Error: no sensor$/);
  });
});

describe("createSim refuses bad input, saying what it expected", function () {
  it("an unknown pin name lists the board's pins", function () {
    assert.throws(() => createSim("puckjs").pin("LED7"), /^Error: Unknown pin "LED7" on puckjs \(Puck\.js\)\. Its pins: LED1, LED2, LED3, BTN1, D0, /);
  });

  it("a press in the past", async function () {
    var sim = createSim();
    await sim.advance(1000);
    assert.throws(() => sim.press("BTN1", { at: 500 }), /press\(BTN1\): at 500 ms is in the past: the simulation is at 1000 ms/);
  });

  it("a press on a pin the firmware drives as an output", async function () {
    var sim = createSim();
    sim.start(async function () {
      output(LED1).on();
    });
    sim.press("LED1", { at: 100 });
    await assert.rejects(sim.advance(200), /press\(LED1\) at 100 ms: D8 is an output, not an input: the firmware drives it/);
  });
});

describe("ristretto/board on the host follows the simulated board", function () {
  it("a name the board lacks throws when the firmware reads it, as the build refuses it", async function () {
    var sim = createSim("pico"), board = require("ristretto/board");
    assert.strictEqual(board.LED1, 25);
    assert.throws(() => board.LED2, /^Error: LED2 is not a pin of pico \(Raspberry Pi Pico \(Kaluma\)\)\. Its pins: LED1, GP0, /);
    createSim("sim");
    assert.strictEqual(board.LED2, "D9");
    assert.strictEqual(sim.board.id, "pico");
  });
});
