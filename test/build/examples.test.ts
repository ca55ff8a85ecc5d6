// Which boards the examples fit, and a pin claimed by two drivers. Each
// example's builds for every board are in test/build/examples/<app>.test.ts.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { boardIds, loadBoard } from "../../src/build/boards";
import { misfit } from "./example-fits";

var root = path.resolve(__dirname, "../../..");

describe("the examples and the boards", function () {
  it("blink-many fits the boards with two LEDs and no other", function () {
    var two = boardIds(root).filter((id) => Object.keys(loadBoard(id, root).leds).length >= 2);
    assert.deepStrictEqual(two, ["espruino-original", "espruino-pico", "espruino-wifi", "mdbt42q", "puckjs", "sim"]);
    assert.deepStrictEqual(boardIds(root).filter((id) => !misfit("blink-many", loadBoard(id, root))), two);
  });
});

describe("a pin claimed by two drivers", function () {
  it("fails the build, naming both places", async function () {
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-claims-"));
    await assert.rejects(build({ app: path.join(root, "test/build/fixtures/claims-twice"), board: "puckjs", outDir: out }), function (e: Error) {
      assert.strictEqual(
        e.message,
        "test/build/fixtures/claims-twice/dim.ts:5:3: board check: pin D5 is claimed twice: output(LED1) at test/build/fixtures/claims-twice/main.ts:8:3 and pwm(D5) here; one driver per pin",
      );
      return true;
    });
  });

  it("a serial port's pin driven as an output fails the build, naming both", async function () {
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-claims-"));
    await assert.rejects(build({ app: path.join(root, "test/build/fixtures/uart-claims"), board: "espruino-pico", outDir: out }), function (e: Error) {
      assert.strictEqual(e.message, "test/build/fixtures/uart-claims/main.ts:8:14: board check: pin B6 is claimed twice: output(B6) at test/build/fixtures/uart-claims/main.ts:7:13 and uart(SERIAL1) here; one driver per pin");
      return true;
    });
  });
});
