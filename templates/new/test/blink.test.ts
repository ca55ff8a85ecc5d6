// The firmware on a simulated {{boardName}}, in virtual time: advance(1500)
// lets 1.5 s pass at once, and each pin keeps a trace of its changes.
import assert = require("assert");
import path = require("path");
import { createSim } from "ristretto/sim";

describe("firmware/blink", function () {
  it("turns {{led}} on and off every half second", async function () {
    var sim = createSim("{{board}}");
    sim.startApp(path.join(__dirname, "../firmware/blink")); // its compiled main.js, in .build/
    await sim.advance(1500);
    // [ms, level] for each change of the pin
    assert.deepStrictEqual(sim.pin("{{led}}").trace(), [[0, 1], [500, 0], [1000, 1], [1500, 0]]);
    assert.deepStrictEqual(sim.errors, []);
  });
});
