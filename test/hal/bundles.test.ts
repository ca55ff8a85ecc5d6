// The device bundles drive the runtime's own pin functions: blink built for
// Puck.js (Espruino) and for the Raspberry Pi Pico (Kaluma) runs on QuickJS
// against stubbed runtime globals, in virtual time.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { quickjs } from "../../src/sim/engines";

var root = path.resolve(__dirname, "../../..");

/** Globals of a runtime that print each call with the (virtual) time. */
function stubs(names: string[]): string {
  return names
    .map(function (n) {
      return "function " + n + "() { var a = [].slice.call(arguments).map(function (x) { return JSON.stringify(x); }); __print(Date.now() + ' ' + '" + n + "(' + a.join(', ') + ')'); }";
    })
    .join("\n");
}

async function runBlink(board: string, untilMs: number): Promise<string[]> {
  var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-hal-"));
  var r = await build({ app: path.join(root, "firmware/blink"), board: board, outDir: out });
  var lines: string[] = [], e = await quickjs((l) => void lines.push(l));
  try {
    e.eval(stubs(["pinMode", "digitalWrite"]));
    e.eval(fs.readFileSync(path.join(out, r.file), "utf8"));
    e.drain(untilMs);
  } finally {
    e.dispose();
  }
  return lines;
}

describe("device bundles call the runtime's pin functions", function () {
  this.timeout(60000);

  it("blink for puckjs writes Puck.js's LED1 (D5) with Espruino's digitalWrite every 500 ms", async function () {
    assert.deepStrictEqual(await runBlink("puckjs", 1000), [
      '0 pinMode("D5", "output")',
      '0 digitalWrite("D5", false)',
      '0 digitalWrite("D5", true)',
      '500 digitalWrite("D5", false)',
      '1000 digitalWrite("D5", true)',
    ]);
  });

  it("blink for pico writes GPIO 25 with Kaluma's pinMode(OUTPUT) and digitalWrite(HIGH/LOW)", async function () {
    assert.deepStrictEqual(await runBlink("pico", 1000), ["0 pinMode(25, 1)", "0 digitalWrite(25, 0)", "0 digitalWrite(25, 1)", "500 digitalWrite(25, 0)", "1000 digitalWrite(25, 1)"]);
  });
});
