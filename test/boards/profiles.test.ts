// The board profiles: valid, consistent, and the files made from them fresh.

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { boardIds, boardNames, checkProfile, loadBoard, readSchema } from "../../src/build/boards";
import { generatedFiles } from "../../src/build/generated";

var root = path.resolve(__dirname, "../../..");
var REQUIRED = ["espruino-original", "espruino-pico", "espruino-wifi", "puckjs", "pixljs", "mdbt42q", "banglejs2", "esp32", "esp8266", "pico", "pico-w", "sim"];

function text(id: string): string {
  return fs.readFileSync(path.join(root, "boards", id + ".json"), "utf8");
}

/** checkProfile's error for puckjs.json with `from` replaced by `to`. */
function errorFor(from: string | RegExp, to: string): string {
  var bad = text("puckjs").replace(from, to);
  assert.notStrictEqual(bad, text("puckjs"), "the edit must change the profile");
  try {
    checkProfile("boards/puckjs.json", bad, readSchema(root));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("the broken profile was accepted");
}

describe("board profiles", function () {
  it("every board the issue names has a profile, and each validates against the schema", function () {
    assert.deepStrictEqual(REQUIRED.filter((id) => boardIds(root).indexOf(id) < 0), []);
    boardIds(root).forEach(function (id) {
      var p = loadBoard(id, root);
      assert.strictEqual(p.id, id);
      assert.strictEqual((JSON.parse(text(id)) as { $schema: string }).$schema, "./schema.json");
    });
  });

  it("on each board a name stands for one pin, and LEDs and buttons are on pins the board has", function () {
    boardIds(root).forEach(function (id) {
      var p = loadBoard(id, root), names = boardNames(p).map((n) => n.name);
      assert.deepStrictEqual(names.filter((n, i) => names.indexOf(n) !== i), [], id);
      boardNames(p).forEach((n) => assert.ok(p.pins.hasOwnProperty(n.pin), id + " " + n.name));
    });
  });

  it("Kaluma boards give each pin its GPIO number; Espruino boards use the pin's name", function () {
    var pico = boardNames(loadBoard("pico", root)), puck = boardNames(loadBoard("puckjs", root));
    assert.deepStrictEqual(pico.filter((n) => n.name === "LED1" || n.name === "GP3").map((n) => n.value), [25, 3]);
    assert.deepStrictEqual(puck.filter((n) => n.name === "LED1" || n.name === "D1").map((n) => n.value), ["D5", "D1"]);
  });

  it("the schema, the per-board types and the README's board table are what npm run generate makes", function () {
    this.timeout(20000); // the schema generator reads the TypeScript type: seconds on a loaded machine
    var files = generatedFiles(root);
    Object.keys(files).forEach(function (f) {
      var onDisk = fs.existsSync(path.join(root, f)) ? fs.readFileSync(path.join(root, f), "utf8") : "(missing)";
      assert.ok(onDisk === files[f], f + " is stale: run npm run generate and commit it");
    });
    var types = fs.readdirSync(path.join(root, "boards/types")).sort();
    assert.deepStrictEqual(types, boardIds(root).map((id) => id + ".d.ts").sort(), "a d.ts for each board and no other");
  });
});

describe("a broken board profile is refused with the file, the line and the field", function () {
  it("a misspelt field", function () {
    var m = errorFor('"leds"', '"ledz"');
    assert.match(m, /^boards\/puckjs\.json:\d+: field "ledz" is not a field here \(a typo\?\)$/m);
    assert.match(m, /^boards\/puckjs\.json: field "leds" is missing$/m);
  });

  it("a capability that does not exist", function () {
    var m = errorFor(/"pwm"/, '"pwn"');
    assert.match(m, /^boards\/puckjs\.json:\d+: field "pins\.D\d+\.caps\[1\]" must be equal to one of the allowed values: digital, pwm, adc$/);
  });

  it("a pin named twice, which JSON would silently merge", function () {
    var m = errorFor('"D1": {', '"D2": { "caps": ["digital"] },\n    "D1": {');
    assert.match(m, /^boards\/puckjs\.json:\d+: field "pins\.D2" appears twice/);
  });

  it("an LED on a pin the board lacks, naming the pins", function () {
    var m = errorFor('"LED1": "D5"', '"LED1": "D55"');
    assert.match(m, /field "leds\.LED1" names pin "D55", which is not in "pins"\. Its pins: D0, D1, /);
  });

  it("an id that is not the file's name", function () {
    assert.match(errorFor('"id": "puckjs"', '"id": "puck"'), /field "id" is "puck" but the file is boards\/puckjs\.json/);
  });

  it("a board id that does not exist, listing the known ones", function () {
    assert.throws(() => loadBoard("pico2", root), /^Error: Unknown board "pico2"\. Known boards: banglejs2, .*, espruino-pico, .*, sim$/);
  });
});
