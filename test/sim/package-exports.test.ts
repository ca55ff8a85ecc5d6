// The package's exports (package.json "exports", entry/): a project that
// installed ristretto type-checks its firmware against ristretto's types, and
// a plain Node script, with no `node -r` hook, requires "ristretto",
// "ristretto/io", "ristretto/board" and "ristretto/sim" and runs that firmware
// on a simulated board.

import assert = require("assert");
import childProcess = require("child_process");
import fs = require("fs");
import os = require("os");
import path = require("path");
import ts = require("typescript");

var ROOT = path.resolve(__dirname, "../../.."), made: string[] = [];

var FIRMWARE = [
  'import { run, gather, sleepMs } from "ristretto";',
  'import { output } from "ristretto/io";',
  'import { LED1 } from "ristretto/board";',
  "",
  "async function blinks(times: number): Promise<number> {",
  "  const led = output(LED1);",
  "  for (let i = 0; i < times; i++) {",
  "    led.toggle();",
  "    await sleepMs(100);",
  "  }",
  "  return times;",
  "}",
  "",
  "async function named(): Promise<string> {",
  "  await sleepMs(50);",
  '  return "done";',
  "}",
  "",
  "run(async () => {",
  "  const [n, s] = await gather([blinks(4), named()]);",
  "  console.log(n + 1, s.toUpperCase());",
  "});",
  "",
  "// @ts-expect-error a pin is not a number: the types came through",
  "export const wrong: number = LED1;",
].join("\n");

var SCRIPT = [
  'const { createSim } = require("ristretto/sim");',
  'const { LED1 } = require("ristretto/board");',
  'const { gather } = require("ristretto");',
  'const { output } = require("ristretto/io");',
  'console.log("before createSim, LED1 is", LED1, typeof gather, typeof output);',
  'const sim = createSim("puckjs");',
  'console.log("on puckjs, LED1 is", require("ristretto/board").LED1);',
  'sim.startApp(require("path").join(__dirname, "build/firmware/main.js"));',
  "sim.advance(1000).then(() => {",
  '  console.log(JSON.stringify(sim.console), JSON.stringify(sim.pin("LED1").trace()), JSON.stringify(sim.errors));',
  "});",
].join("\n");

/** A project in a temporary folder with ristretto installed (node_modules/ristretto links to this checkout). */
function project(): string {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-exports-"));
  made.push(dir);
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(ROOT, path.join(dir, "node_modules", "ristretto"), "dir");
  fs.mkdirSync(path.join(dir, "firmware"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
  fs.writeFileSync(path.join(dir, "firmware", "main.ts"), FIRMWARE);
  fs.writeFileSync(path.join(dir, "run.js"), SCRIPT);
  return dir;
}

/**
 * Compiles the project's firmware to build/ as tsc would with the README's
 * settings (module node16, and "tslib" mapped to ristretto's helpers); tsc's messages.
 */
function compile(dir: string): string[] {
  var options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES5,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ["lib.es2020.d.ts"],
    typeRoots: [path.join(ROOT, "node_modules/@types")],
    types: ["node"],
    importHelpers: true,
    paths: { tslib: [path.join(dir, "node_modules/ristretto/src/core/tslib.ts")] },
    strict: true,
    skipLibCheck: true,
    outDir: path.join(dir, "build"),
    rootDir: dir,
  };
  var program = ts.createProgram([path.join(dir, "firmware", "main.ts")], options);
  var emitted = program.emit();
  return ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics).map(function (d) {
    var at = d.file && d.start !== undefined ? path.relative(dir, d.file.fileName) + ":" + (d.file.getLineAndCharacterOfPosition(d.start).line + 1) + ": " : "";
    return at + ts.flattenDiagnosticMessageText(d.messageText, " ");
  });
}

describe("the package's exports", function () {
  this.timeout(300000); // a hang guard: TypeScript programs and a child process
  after(function () {
    made.forEach(function (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  it("give a project that installed ristretto its types", function () {
    var dir = project();
    assert.deepStrictEqual(compile(dir), []);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, "build")), ["firmware"], "ristretto's own sources are not emitted into the project");
  });

  it("let a plain Node script, with no -r hook, require all four and run the firmware on the board createSim names", function () {
    var dir = project();
    assert.deepStrictEqual(compile(dir), []);
    var env = Object.assign({}, process.env);
    delete env.NODE_OPTIONS; // mocha's -r must not leak into the child
    delete env.RISTRETTO_BOARD;
    var r = childProcess.spawnSync(process.execPath, ["run.js"], { cwd: dir, encoding: "utf8", env: env });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(r.stdout.split("\n"), [
      "before createSim, LED1 is D8 function function",
      "on puckjs, LED1 is D5",
      '[{"t":400,"text":"5 DONE"}] [[0,1],[100,0],[200,1],[300,0]] []',
      "",
    ]);
  });

  it("let RISTRETTO_BOARD say which board ristretto/board means before any simulation", function () {
    var env = Object.assign({}, process.env, { RISTRETTO_BOARD: "espruino-pico" });
    delete env.NODE_OPTIONS;
    var r = childProcess.spawnSync(process.execPath, ["-e", 'console.log(require("ristretto/board").LED1)'], { cwd: project(), encoding: "utf8", env: env });
    assert.deepStrictEqual([r.status, r.stdout, r.stderr], [0, "B2\n", ""]);
  });
});
