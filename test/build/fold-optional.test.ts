// optional("NAME") from "ristretto/board": one source for boards with more or
// fewer pins. The device build folds each call to the board's pin or to
// undefined (src/build/fold-optional.ts), the types say which per board, and
// the host's ristretto/board answers the same for the board it simulates.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { everyBoardName, loadBoard } from "../../src/build/boards";
import { foldOptional } from "../../src/build/fold-optional";
import { optional, selectBoard } from "../../src/sim/board-module";

var root = path.resolve(__dirname, "../../..");
var puck = loadBoard("puckjs", root), kaluma = loadBoard("pico", root), known = everyBoardName(root);

/** The module's code once its optional() calls are folded for board `p`. */
function folded(code: string, p: typeof puck): string {
  var r = foldOptional(code, p, known);
  assert.deepStrictEqual(r.findings, []);
  return r.code ? r.code.toString() : code;
}

describe("optional pins", function () {
  this.timeout(300000); // a hang guard: device builds

  it("fold to the board's pin where it has it, and to undefined where it does not", function () {
    var code = 'import { LED1, optional } from "ristretto/board";\nvar a = optional("LED3"), b = optional("LED2");\n';
    assert.strictEqual(folded(code, puck), 'import { LED1, optional } from "ristretto/board";\nvar a = "D3", b = "D4";\n');
    assert.strictEqual(folded(code, kaluma), 'import { LED1, optional } from "ristretto/board";\nvar a = void 0, b = void 0;\n');
  });

  it("fold through renamed and namespace imports, and leave other functions named optional alone", function () {
    var code = 'import * as board from "ristretto/board";\nimport { optional as maybe } from "ristretto/board";\nboard.optional("BTN1"); maybe("LED3"); other.optional("LED3");\n';
    assert.strictEqual(folded(code, puck).split("\n")[2], '"D0"; "D3"; other.optional("LED3");');
  });

  it("refuse a name no board has, and a name that is not written in quotes, at the call", function () {
    var r = foldOptional('import { optional } from "ristretto/board";\noptional("LDE3");\nvar n = "LED3";\noptional(n);\n', puck, known);
    assert.deepStrictEqual(
      r.findings.map((f) => [f.line, f.column, f.message]),
      [
        [2, 0, 'optional("LDE3"): no board has a pin LDE3; optional() names a pin (LED3, BTN2, D13) that some boards have'],
        [4, 0, 'optional() takes one pin name in quotes, such as optional("LED3"), so that the build can fold it for puckjs (Puck.js)'],
      ],
    );
  });

  it("leave no optional() and no table of names in the bundle: led-walk for a 3-LED and a 1-LED board", async function () {
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-optional-"));
    for (var board of ["puckjs", "pico"]) {
      var r = await build({ app: path.join(root, "firmware/led-walk"), board: board, outDir: out, minify: false });
      var code = fs.readFileSync(path.join(out, r.file), "utf8");
      assert.doesNotMatch(code, /optional/, board);
      assert.doesNotMatch(code, /LED3/, board);
    }
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("are typed per board: without a fallback, the build for a board that lacks the pin stops at the type check", async function () {
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-optional-")), app = path.join(root, "test/build/fixtures/no-fallback");
    await build({ app: app, board: "puckjs", outDir: out });
    await assert.rejects(build({ app: app, board: "pico", outDir: out }), /no-fallback\/main\.ts:6:8: type error: Argument of type 'undefined' is not assignable to parameter of type 'Pin'/);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("answer on the host for the board it simulates, and refuse a name no board has", function () {
    try {
      selectBoard("puckjs");
      assert.deepStrictEqual([optional("LED3"), optional("BTN1")], ["D3", "D0"]);
      selectBoard("pico");
      assert.deepStrictEqual([optional("LED3"), optional("LED1")], [undefined, 25]);
      assert.throws(() => optional("LDE3"), /^Error: optional\("LDE3"\): no board has a pin LDE3/);
    } finally {
      selectBoard("sim");
    }
  });
});
