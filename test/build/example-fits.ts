// What "every example builds for every board it fits, and only those" checks,
// for one example: one test file per example (test/build/examples/), so that
// mocha's parallel workers share the builds. What fits is worked out here from
// the example's source and the profile, independently of the build's own check.
// Every board the example fits gets a real build. Of the boards it does not
// fit, the first for each kind of reason (a pin, a serial port, PWM or ADC) is
// refused by a real build, with the error at its TypeScript line; the others
// are refused by the board check itself (what the build runs on each module,
// src/build/board-plugin.ts), with the same message: a refused build costs
// its whole type check, and these differ only in the profile's data.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import ts = require("typescript");
import { build } from "../../src/build/build";
import { boardCheck } from "../../src/build/board-check";
import { boardIds, boardNames, loadBoard } from "../../src/build/boards";
import type { BoardProfile } from "../../src/build/board-profile";

var root = path.resolve(__dirname, "../../..");

/** Why `app` does not fit board `p`: the kind of reason and the board check's message (a regex source), or null if it fits. */
function reason(app: string, p: BoardProfile): { kind: string; message: string } | null {
  var src = fs.readFileSync(path.join(root, "firmware", app, "main.ts"), "utf8");
  var m = /import \{([^}]*)\} from "ristretto\/board"/.exec(src), names = boardNames(p), i: number;
  // optional() names a pin some boards lack: it fits them all (test/build/fold-optional.test.ts).
  var used = m ? m[1].split(",").map((s) => s.trim()).filter((s) => s !== "optional") : [];
  for (i = 0; i < used.length; i++) {
    if (/^SERIAL\d$/.test(used[i]) && !p.uarts.hasOwnProperty(used[i])) {
      return { kind: "serial port", message: used[i] + " is not a serial port of " + p.id + " .*\\. Its serial ports: " + (Object.keys(p.uarts).join(", ") || "none") + "$" };
    }
    if (/^SERIAL\d$/.test(used[i])) continue;
    if (!names.some((n) => n.name === used[i])) return { kind: "pin", message: used[i] + " is not a pin of " + p.id + " " };
  }
  var calls = /(pwm|adc)\((\w+)/g, c: RegExpExecArray | null;
  while ((c = calls.exec(src))) {
    var name = c[2], cap = c[1], pin = names.filter((n) => n.name === name)[0];
    if (pin.caps.indexOf(cap as "pwm") < 0) return { kind: cap, message: cap + "\\(" + name + "\\): .* of " + p.id + " .* has no " };
  }
  return null;
}

/** Why `app` does not fit board `p` (a regex of the build's message), or null if it fits. */
export function misfit(app: string, p: BoardProfile): RegExp | null {
  var r = reason(app, p);
  return r && new RegExp("^Error: firmware/" + app + "/main\\.ts:\\d+:\\d+: board check: " + r.message);
}

/** The board check's messages for `app`'s main.ts on board `p`, on the module as TypeScript emits it for the build. */
function boardCheckMessages(app: string, p: BoardProfile): string[] {
  var src = fs.readFileSync(path.join(root, "firmware", app, "main.ts"), "utf8");
  var js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES5, importHelpers: true } }).outputText;
  return boardCheck(js, p).findings.map((f) => f.message);
}

/** Builds `app` for every board: each it fits gives its bundle, each it does not is refused with the reason misfit() names. */
export function describeExample(app: string): void {
  describe("example " + app + " builds for every board it fits, and only those", function () {
    this.timeout(600000); // a hang guard: 12 builds, CPU-bound; no verdict here depends on it
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-examples-"));

    it(app, async function () {
      var fits: string[] = [], refusedByBuild: { [kind: string]: boolean } = {};
      for (var id of boardIds(root)) {
        var p = loadBoard(id, root), why = misfit(app, p), cause = reason(app, p);
        if (why && !refusedByBuild[cause!.kind]) {
          refusedByBuild[cause!.kind] = true;
          await assert.rejects(build({ app: path.join(root, "firmware", app), board: id, outDir: out }), why, app + " on " + id);
        } else if (why) {
          var first = boardCheckMessages(app, p)[0];
          assert.match(first || "(no finding)", new RegExp("^" + cause!.message), app + " on " + id + ": the board check's first finding");
        } else {
          var r = await build({ app: path.join(root, "firmware", app), board: id, outDir: out });
          assert.strictEqual(r.file, app + "." + id + ".js");
          fits.push(id);
        }
      }
      assert.ok(fits.indexOf("sim") >= 0, app + " must fit the sim board");
    });

    after(function () {
      fs.rmSync(out, { recursive: true, force: true });
    });
  });
}
