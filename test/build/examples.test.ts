// Every firmware example builds for every board it fits, and the build of one
// that does not fit a board says which pin is missing or lacks what it needs.
// What fits is worked out here from the example's source and the profile,
// independently of the build's own check.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { boardIds, boardNames, loadBoard } from "../../src/build/boards";
import type { BoardProfile } from "../../src/build/board-profile";

var root = path.resolve(__dirname, "../../..");
var APPS = ["blink", "blink-many", "button-led", "dimmer", "talk", "serial-echo", "nmea"];

/** Why `app` does not fit board `p` (a regex of the build's message), or null if it fits. */
function misfit(app: string, p: BoardProfile): RegExp | null {
  var src = fs.readFileSync(path.join(root, "firmware", app, "main.ts"), "utf8");
  var m = /import \{([^}]*)\} from "ristretto\/board"/.exec(src), names = boardNames(p), i: number;
  var used = m ? m[1].split(",").map((s) => s.trim()) : [];
  for (i = 0; i < used.length; i++) {
    if (/^SERIAL\d$/.test(used[i]) && !p.uarts.hasOwnProperty(used[i])) {
      return new RegExp("^Error: firmware/" + app + "/main\\.ts:\\d+:\\d+: board check: " + used[i] + " is not a serial port of " + p.id + " .*\\. Its serial ports: " + (Object.keys(p.uarts).join(", ") || "none") + "$");
    }
    if (/^SERIAL\d$/.test(used[i])) continue;
    if (!names.some((n) => n.name === used[i])) return new RegExp("^Error: firmware/" + app + "/main\\.ts:\\d+:\\d+: board check: " + used[i] + " is not a pin of " + p.id + " ");
  }
  var calls = /(pwm|adc)\((\w+)/g, c: RegExpExecArray | null;
  while ((c = calls.exec(src))) {
    var name = c[2], cap = c[1], pin = names.filter((n) => n.name === name)[0];
    if (pin.caps.indexOf(cap as "pwm") < 0) return new RegExp("^Error: firmware/" + app + "/main\\.ts:\\d+:\\d+: board check: " + cap + "\\(" + name + "\\): .* of " + p.id + " .* has no ");
  }
  return null;
}

describe("every example builds for every board it fits, and only those", function () {
  this.timeout(120000);
  var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-examples-"));

  APPS.forEach(function (app) {
    it(app, async function () {
      var fits: string[] = [];
      for (var id of boardIds(root)) {
        var why = misfit(app, loadBoard(id, root));
        if (why) {
          await assert.rejects(build({ app: path.join(root, "firmware", app), board: id, outDir: out }), why, app + " on " + id);
        } else {
          var r = await build({ app: path.join(root, "firmware", app), board: id, outDir: out });
          assert.strictEqual(r.file, app + "." + id + ".js");
          fits.push(id);
        }
      }
      assert.ok(fits.indexOf("sim") >= 0, app + " must fit the sim board");
    });
  });

  it("blink-many fits the boards with two LEDs and no other", function () {
    var two = boardIds(root).filter((id) => Object.keys(loadBoard(id, root).leds).length >= 2);
    assert.deepStrictEqual(two, ["espruino-original", "espruino-pico", "espruino-wifi", "mdbt42q", "puckjs", "sim"]);
    assert.deepStrictEqual(boardIds(root).filter((id) => !misfit("blink-many", loadBoard(id, root))), two);
  });
});

describe("a pin claimed by two drivers", function () {
  this.timeout(60000);
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
