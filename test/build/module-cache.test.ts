// Rollup's module cache on disk: what one process keeps, the next reads back
// as rollup needs it, and only ristretto's own modules are kept.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import type { ModuleJSON, RollupCache } from "rollup";
import { readModules, writeModules } from "../../src/build/module-cache-disk";

function module(id: string, ast: unknown): ModuleJSON {
  return { id: id, code: "x", originalCode: "y", ast: ast } as unknown as ModuleJSON;
}

describe("rollup's module cache on disk", function () {
  var root = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-module-cache-"));
  var regex = { type: "Program", body: [{ type: "Literal", value: {}, regex: { pattern: "^ +at ", flags: "g" } }] };
  var cache = { modules: [module("/r/src/core/loop.ts", regex), module("/app/main.ts", { type: "Program", body: [] })] } as RollupCache;

  it("keeps only the modules it is told to share, and a regex literal comes back a RegExp", function () {
    writeModules(root, "k", JSON.parse(JSON.stringify(cache)), function (id) {
      return id.indexOf("/r/src/") === 0;
    });
    var back = readModules(root, "k")!;
    assert.deepStrictEqual(
      back.modules!.map((m) => m.id),
      ["/r/src/core/loop.ts"],
    );
    var literal = (back.modules![0].ast as unknown as { body: { value: unknown }[] }).body[0].value;
    assert.ok(literal instanceof RegExp);
    assert.strictEqual(String(literal), "/^ +at /g");
  });

  it("gives nothing for a key never kept, or a file half written", function () {
    assert.strictEqual(readModules(root, "never"), undefined);
    var dir = path.join(root, ".build/module-cache");
    fs.readdirSync(dir).forEach(function (f) {
      fs.writeFileSync(path.join(dir, f), '{"modules": [');
    });
    assert.strictEqual(readModules(root, "k"), undefined);
  });
});
