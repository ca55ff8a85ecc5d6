// A build checks the app's own module graph and nothing else: an error in a
// file beside a single-file app never fails it.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";

var root = path.resolve(__dirname, "../../..");
var dir = path.join(root, "test/build/fixtures/neighbours");

describe("a build is isolated from its neighbours", function () {
  this.timeout(120000); // a hang guard: builds are CPU-bound; no verdict here depends on it
  var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-isolation-"));

  it("a single-file app builds while the file beside it has a type error and a syntax error", async function () {
    var r = await build({ app: path.join(dir, "good.ts"), board: "espruino-pico", outDir: out });
    assert.strictEqual(r.file, "good.espruino-pico.js");
  });

  it("the broken neighbour still fails alone, with its own errors", async function () {
    await assert.rejects(build({ app: path.join(dir, "broken.ts"), board: "espruino-pico", outDir: out }), /^Error: test\/build\/fixtures\/neighbours\/broken\.ts:\d+:\d+: (syntax|type) error: /);
  });
});
