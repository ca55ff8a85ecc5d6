// The device build shortens the framework's own field names, and never a
// firmware's (src/build/internal-names.ts): not even one the framework uses too.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { node, runToEnd } from "../../src/sim/engines";

var root = path.resolve(__dirname, "../../..");

describe("the framework's field names in a device build", function () {
  it("leaves a firmware's reads of JSON keys that the framework also uses as fields (_id, _value, _index) as they are", async function () {
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-json-keys-"));
    var r = await build({ app: path.join(root, "test/build/fixtures/json-keys"), board: "espruino-pico", outDir: out });
    var bundle = fs.readFileSync(path.join(out, r.file), "utf8");
    assert.match(bundle, /\._id\b/);
    assert.deepStrictEqual(await runToEnd(node, bundle), ["7 v 2"]);
  });
});
