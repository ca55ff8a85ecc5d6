// The bundle cache's key covers everything a build reads, so an entry stays
// valid across compiles (scripts/compile.js keeps them): a change to any of
// those gives another key, and nothing else does. On a package-shaped folder
// of its own, so no real build runs here.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { cacheKey, fromCache, toCache } from "../../src/build/bundle-cache";

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** A root with a device source, two board profiles, a board's types and an app. */
function root(): string {
  var r = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-bundle-cache-"));
  write(path.join(r, "src/core/loop.ts"), "export var a = 1;\n");
  write(path.join(r, "tsconfig.json"), "{}\n");
  write(path.join(r, "boards/puckjs.json"), '{ "id": "puckjs" }\n');
  write(path.join(r, "boards/pico.json"), '{ "id": "pico" }\n');
  write(path.join(r, "boards/types/puckjs.d.ts"), "export declare var LED1: Pin;\n");
  write(path.join(r, "firmware/blink/main.ts"), "blink();\n");
  write(path.join(r, "firmware/blink/led.ts"), "export var led = 1;\n");
  return r;
}

function key(r: string, options?: object): string {
  var entry = path.join(r, "firmware/blink/main.ts");
  return cacheKey({ root: r, entry: entry, board: "puckjs", outName: "main.ts", options: options || { minify: true } });
}

describe("the bundle cache's key", function () {
  var r = root(), before = key(r);
  after(function () {
    fs.rmSync(r, { recursive: true, force: true });
  });

  it("is the same while nothing the build reads changes", function () {
    assert.strictEqual(key(r), before);
  });

  [
    ["a device source", "src/core/loop.ts"],
    ["the project's tsconfig.json", "tsconfig.json"],
    ["the board's profile", "boards/puckjs.json"],
    ["another board's profile (the build reads them all, for optional())", "boards/pico.json"],
    ["the board's types", "boards/types/puckjs.d.ts"],
    ["a module of the app beside its main.ts", "firmware/blink/led.ts"],
  ].forEach(function (c) {
    it("changes with " + c[0], function () {
      var file = path.join(r, c[1]), was = fs.readFileSync(file, "utf8");
      fs.writeFileSync(file, was + "// edited\n");
      try {
        assert.notStrictEqual(key(r), before);
      } finally {
        fs.writeFileSync(file, was);
      }
      assert.strictEqual(key(r), before);
    });
  });

  it("changes with the options", function () {
    assert.notStrictEqual(key(r, { minify: false }), before);
  });

  it("a hit writes the bundle, and its map with the sources relative to the new folder", function () {
    var first = path.join(r, "out1"), second = path.join(r, "deeper/out2"), k = key(r);
    write(path.join(first, "blink.puckjs.js"), "bundle\n");
    write(path.join(first, "blink.puckjs.js.map"), JSON.stringify({ sources: ["../firmware/blink/main.ts"] }));
    assert.strictEqual(fromCache(r, k, second), undefined, "a miss before it is kept");
    toCache(r, k, first, { file: "blink.puckjs.js", bytes: 7, schedulerBytes: 3 });
    assert.deepStrictEqual(fromCache(r, k, second), { file: "blink.puckjs.js", bytes: 7, schedulerBytes: 3 });
    assert.strictEqual(fs.readFileSync(path.join(second, "blink.puckjs.js"), "utf8"), "bundle\n");
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(second, "blink.puckjs.js.map"), "utf8")).sources, ["../../firmware/blink/main.ts"]);
  });
});
