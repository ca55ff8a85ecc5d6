import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { boardIds, loadBoard } from "../../src/build/boards";
import { TABLE_END, TABLE_START } from "../../src/build/generated";
import { main } from "../../src/cli/ristretto";
import { fakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../..");

async function ristretto(args: string[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), code = await main(args, io);
  return { code: code, out: io.stdout, err: io.stderr };
}

/** The cells of the README's generated board table, a row per board. */
function readmeRows(): string[][] {
  var readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  var table = readme.slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END)).trim().split("\n");
  return table.slice(2).map((line) => line.slice(2, -2).split(" | ").map((c) => c.replace(/`/g, "")));
}

describe("ristretto boards", function () {
  it("prints the README's board table aligned for a terminal: a head, a row per board, and where the pins are", async function () {
    var r = await ristretto(["boards"]);
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    var lines = r.out.split("\n");
    assert.strictEqual(lines.length, boardIds(ROOT).length + 3, r.out);
    assert.deepStrictEqual(lines[0].split(/ {2,}/), ["id", "board", "runtime", "LEDs", "buttons", "budget: variables / RAM / code flash"]);
    assert.deepStrictEqual(
      lines.slice(1, -2).map((l) => l.split(/ {2,}/)),
      readmeRows(),
    );
    assert.strictEqual(lines[lines.length - 2], boardIds(ROOT).length + " boards; each one's pins are in boards/<id>.json. Build for one with --board <id>.");
  });

  it("starts each column at the same place on every line", async function () {
    var lines = (await ristretto(["boards"])).out.split("\n").slice(0, -2);
    var heads = ["board", "runtime", "LEDs", "buttons", "budget"].map((h) => lines[0].indexOf(h));
    lines.forEach((l) => heads.forEach((at) => assert.ok(l.slice(at - 2, at) === "  " && l.charAt(at) !== " ", "a cell starts at column " + at + " of:\n" + l)));
    assert.match(lines.filter((l) => l.indexOf("puckjs ") === 0)[0], /^puckjs +Puck\.js +espruino +LED1, LED2, LED3 +BTN1 +2,630 vars \/ 64 KB \/ 40 KB$/);
  });

  it("--json gives every board's profile without its pins, for programs", async function () {
    var r = await ristretto(["boards", "--json"]);
    assert.strictEqual(r.code, 0);
    var boards = JSON.parse(r.out);
    assert.deepStrictEqual(
      boards.map((b: { id: string }) => b.id),
      boardIds(ROOT),
    );
    var puck = loadBoard("puckjs", ROOT);
    assert.deepStrictEqual(boards[boardIds(ROOT).indexOf("puckjs")], {
      id: "puckjs",
      name: "Puck.js",
      runtime: "espruino",
      chip: puck.chip,
      leds: { LED1: puck.leds.LED1, LED2: puck.leds.LED2, LED3: puck.leds.LED3 },
      buttons: ["BTN1"],
      serial: puck.serial,
      memory: { variables: 2630, ramBytes: 65536 },
      flash: { codeBytes: 40960 },
    });
  });

  it("is listed by the ristretto command, with ports and new", async function () {
    var r = await ristretto(["--help"]);
    assert.match(r.out, /\n  boards +lists the boards: id, runtime, LEDs, buttons, memory budget \(--json for programs\)\n  ports +lists the serial ports found, and with --scan the Bluetooth LE boards in range, to pass as --port\n  new +makes a firmware project: a blinking LED, its test, a README\n/);
  });

  it("--help lists its options; an argument is bad usage (exit code 2)", async function () {
    var help = await ristretto(["boards", "--help"]), bad = await ristretto(["boards", "puckjs"]);
    assert.strictEqual(help.code, 0);
    ["usage: ristretto boards [--json]", "--json", "--help"].forEach((s) => assert.ok(help.out.indexOf(s) >= 0, s + " in:\n" + help.out));
    assert.deepStrictEqual([bad.code, bad.err], [2, "ristretto boards takes no arguments, got puckjs\nRun ristretto boards --help for the options.\n"]);
  });
});
