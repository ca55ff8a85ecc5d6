// What "every example builds for every board it fits, and only those" checks,
// for one example: one test file per example (test/build/examples/), so that
// mocha's parallel workers share the builds. What fits is worked out here from
// the example's source and the profile, independently of the build's own check.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { boardIds, boardNames, loadBoard } from "../../src/build/boards";
import type { BoardProfile } from "../../src/build/board-profile";

var root = path.resolve(__dirname, "../../..");

/** Why `app` does not fit board `p` (a regex of the build's message), or null if it fits. */
export function misfit(app: string, p: BoardProfile): RegExp | null {
  var src = fs.readFileSync(path.join(root, "firmware", app, "main.ts"), "utf8");
  var m = /import \{([^}]*)\} from "ristretto\/board"/.exec(src), names = boardNames(p), i: number;
  // optional() names a pin some boards lack: it fits them all (test/build/fold-optional.test.ts).
  var used = m ? m[1].split(",").map((s) => s.trim()).filter((s) => s !== "optional") : [];
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


/** Builds `app` for every board: each it fits gives its bundle, each it does not is refused with the reason misfit() names. */
export function describeExample(app: string): void {
  describe("example " + app + " builds for every board it fits, and only those", function () {
    this.timeout(600000); // a hang guard: 12 builds, CPU-bound; no verdict here depends on it
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-examples-"));

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
}
