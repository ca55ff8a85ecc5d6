// A build after an edit of the app redoes only the app's share: ristretto's
// modules come from the transpile cache, the type check reuses what it
// parsed, and nothing stale is ever used.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { cachedTranspile, forgetTranspiles, observe, transpile } from "../../src/build/transpile-cache";

var root = path.resolve(__dirname, "../../..");

/** A copy of blink in a fresh folder outside the package (so no bundle cache entry of another test matches it). */
function blinkCopy(): { app: string; out: string } {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-incremental-"));
  fs.mkdirSync(path.join(dir, "blink"));
  fs.copyFileSync(path.join(root, "firmware/blink/main.ts"), path.join(dir, "blink/main.ts"));
  return { app: path.join(dir, "blink"), out: path.join(dir, "dist") };
}

/** The files TypeScript compiled while `f` ran (those the transpile cache did not hold). */
async function transpiled(f: () => Promise<unknown>): Promise<string[]> {
  var files: string[] = [];
  observe.compiled = function (file) {
    files.push(path.basename(file));
  };
  try {
    await f();
  } finally {
    observe.compiled = function () {};
  }
  return files;
}

describe("a build after an edit of the app", function () {
  this.timeout(120000); // a hang guard: builds are CPU-bound; no verdict here depends on it

  it("transpiles the edited file alone, on the check's thread, and takes ristretto's modules from the cache on disk", async function () {
    var a = blinkCopy(), main = path.join(a.app, "main.ts");
    await build({ app: a.app, board: "puckjs", outDir: a.out });
    fs.appendFileSync(main, "\n// an edit\n");
    forgetTranspiles(); // as a new process would: only the cache on disk is left
    assert.deepStrictEqual(await transpiled(() => build({ app: a.app, board: "puckjs", outDir: a.out })), [], "this thread compiled nothing");
    assert.ok(cachedTranspile(root, main, fs.readFileSync(main, "utf8")), "the edited file's transpile is in the cache");
  });

  it("transpiles on this thread when the check runs here too", async function () {
    var a = blinkCopy();
    await build({ app: a.app, board: "puckjs", outDir: a.out });
    fs.appendFileSync(path.join(a.app, "main.ts"), "\n// an edit\n");
    process.env.RISTRETTO_CHECK_THREAD = "off";
    try {
      assert.deepStrictEqual(await transpiled(() => build({ app: a.app, board: "puckjs", outDir: a.out })), ["main.ts"]);
    } finally {
      delete process.env.RISTRETTO_CHECK_THREAD;
    }
  });

  it("reports a type error brought in by the edit in the one format, and builds again once it is fixed", async function () {
    var a = blinkCopy(), main = path.join(a.app, "main.ts"), good = fs.readFileSync(main, "utf8");
    await build({ app: a.app, board: "puckjs", outDir: a.out });
    fs.writeFileSync(main, good + "\nvar wrong: number = 'one';\n");
    var line = good.split("\n").length + 1;
    await assert.rejects(build({ app: a.app, board: "puckjs", outDir: a.out }), function (e: Error) {
      assert.strictEqual(e.message, path.relative(process.cwd(), main) + ":" + line + ":5: type error: Type 'string' is not assignable to type 'number'.");
      return true;
    });
    fs.writeFileSync(main, good + "\nvar right: number = 1;\n");
    assert.strictEqual((await build({ app: a.app, board: "puckjs", outDir: a.out })).file, "blink.puckjs.js");
  });

  it("checks against a library file as it is now, not as it was parsed before", async function () {
    var a = blinkCopy(), lib = path.join(a.app, "period.ts"), main = path.join(a.app, "main.ts");
    fs.writeFileSync(lib, "export var PERIOD_MS: number = 500;\n");
    fs.writeFileSync(main, 'import { PERIOD_MS } from "./period";\nimport { run, sleepMs } from "ristretto";\nrun(async function () {\n  await sleepMs(PERIOD_MS);\n});\n');
    await build({ app: a.app, board: "puckjs", outDir: a.out });
    fs.writeFileSync(lib, 'export var PERIOD_MS: string = "500";\n');
    await assert.rejects(build({ app: a.app, board: "puckjs", outDir: a.out }), /main\.ts:4:17: type error: Argument of type 'string' is not assignable to parameter of type 'number'/);
  });

  it("never serves a module's old output once its text changed", function () {
    var file = path.join(root, "src/core/not-a-module.ts");
    var before = transpile(root, file, "export var A = 1;\n"), after = transpile(root, file, "export var A = 2;\n");
    assert.match(before.code, /A = 1/);
    assert.match(after.code, /A = 2/);
    forgetTranspiles();
    assert.match(transpile(root, file, "export var A = 2;\n").code, /A = 2/);
  });

  it("refuses a type re-exported as a value, which a module compiled alone cannot tell from one", async function () {
    var a = blinkCopy();
    fs.writeFileSync(path.join(a.app, "pins.ts"), 'import { Pin } from "ristretto/io";\nexport { Pin };\n');
    fs.appendFileSync(path.join(a.app, "main.ts"), '\nimport { Pin } from "./pins";\nvar p: Pin | undefined;\n');
    await assert.rejects(build({ app: a.app, board: "puckjs", outDir: a.out }), /pins\.ts:2:10: (syntax|type) error: Re-exporting a type when 'isolatedModules' is enabled requires using 'export type'/);
  });
});
