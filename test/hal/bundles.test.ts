// The device bundles drive the runtime's own pin functions: blink built for
// Puck.js (Espruino) and for the Raspberry Pi Pico (Kaluma) runs in QuickJS
// against those runtimes' globals (src/sim/runtime/), which check their
// arguments as the runtimes do, in virtual time.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { loadBundleFile } from "ristretto/sim";
import type { BundleSim } from "ristretto/sim";

var root = path.resolve(__dirname, "../../..");

async function runBlink(board: string, untilMs: number): Promise<BundleSim> {
  var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-hal-"));
  try {
    var r = await build({ app: path.join(root, "firmware/blink"), board: board, outDir: out });
    var sim = await loadBundleFile(board, path.join(out, r.file));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  await sim.advance(untilMs);
  return sim;
}

describe("device bundles call the runtime's pin functions", function () {

  it("blink for puckjs makes Puck.js's LED1 (D5) an output with Espruino's pinMode and writes it every 500 ms", async function () {
    var sim = await runBlink("puckjs", 1000);
    assert.deepStrictEqual(sim.pin("D5").trace(), [
      [0, 1],
      [500, 0],
      [1000, 1],
    ]);
    assert.strictEqual(sim.eval('getPinMode("D5")'), "output");
    assert.deepStrictEqual(sim.errors, []);
    sim.dispose();
  });

  it("blink for pico writes GPIO 25 with Kaluma's numeric pinMode(OUTPUT) and digitalWrite(HIGH/LOW)", async function () {
    var sim = await runBlink("pico", 1000);
    assert.deepStrictEqual(sim.pin("GP25").trace(), [
      [0, 1],
      [500, 0],
      [1000, 1],
    ]);
    assert.deepStrictEqual(sim.errors, []); // Kaluma's digitalWrite(25, true) would be a TypeError
    sim.dispose();
  });
});
