import acorn = require("acorn");
import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { boardIds, loadBoard } from "../../src/build/boards";
import { pretokenise } from "../../src/build/espruino-tokens";
import { main } from "../../src/cli/ristretto";
import { contributors, estimateVariables, sizeVerdict, sourceName, variableBytes } from "../../src/cli/size-line";
import { fakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../..");

async function ristretto(args: string[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), code = await main(args, io);
  return { code: code, out: io.stdout, err: io.stderr };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-build-cli-"));
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

/** An app whose code is mostly one long list of words: too big for an ESP8266's 1,600 variables, with the scheduler in it too. */
function bigApp(): string {
  var dir = tmp(), words: string[] = [];
  for (var i = 0; i < 1500; i++) words.push('"word' + i + '-abcdefghij"');
  fs.writeFileSync(
    path.join(dir, "main.ts"),
    ['import { run, sleepMs } from "ristretto";', "var WORDS = [" + words.join(", ") + "];", "run(async function () {", "  await sleepMs(10);", '  console.log(WORDS.join(" "));', "});", ""].join("\n"),
  );
  return dir;
}

describe("ristretto build", function () {

  it("prints the bundle's bytes, the variables it holds once loaded with its code in RAM, and its share of the board's variables", async function () {
    var out = tmp(), r = await ristretto(["build", "firmware/blink", "--board", "espruino-pico", "--out", out]);
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    var file = path.join(out, "blink.espruino-pico.js"), bytes = fs.statSync(file).size, vars = estimateVariables(fs.readFileSync(file, "utf8"), loadBoard("espruino-pico", ROOT));
    var flashed = pretokenise(fs.readFileSync(file, "utf8")).code.length;
    assert.ok(flashed < 0.8 * bytes, "pretokenised, a fifth smaller at least: " + flashed);
    assert.strictEqual(r.out, file + "  " + fmt(bytes) + " bytes (" + fmt(flashed) + " as flashed, pretokenised), about " + fmt(vars) + " variables: " + Math.round((100 * vars) / 5100) + "% of espruino-pico's 5,100\n");
  });

  it("measures a bundle for a Kaluma board, which has no variables, against its code flash", async function () {
    var out = tmp(), r = await ristretto(["build", "firmware/blink", "--board", "pico", "--out", out]);
    var file = path.join(out, "blink.pico.js"), bytes = fs.statSync(file).size;
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.strictEqual(r.out, file + "  " + fmt(bytes) + " bytes: " + Math.round((100 * bytes) / 524288) + "% of pico's 512 KB of code flash\n");
  });

  it("--es5 keeps every function of the minified bundle an ES5 function, for an interpreter without arrows and methods", async function () {
    var out = tmp(), r = await ristretto(["build", "firmware/blink", "--board", "espruino-pico", "--out", out, "--es5"]);
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    var es5 = fs.readFileSync(path.join(out, "blink.espruino-pico.js"), "utf8");
    assert.doesNotThrow(() => acorn.parse(es5, { ecmaVersion: 5 }));
    r = await ristretto(["build", "firmware/blink", "--board", "espruino-pico", "--out", out]);
    assert.ok(fs.statSync(path.join(out, "blink.espruino-pico.js")).size < es5.length, "the default bundle is the shorter");
  });

  it("builds, and so type-checks, one source for each board of a comma-separated --board, and fails if one fails", async function () {
    var out = tmp(), r = await ristretto(["build", "firmware/led-walk", "--board", "puckjs,pico", "--out", out]);
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.deepStrictEqual(
      r.out.split("\n").map((l) => l.split("  ")[0]),
      [path.join(out, "led-walk.puckjs.js"), path.join(out, "led-walk.pico.js"), ""],
    );
    r = await ristretto(["build", "firmware/blink-many", "--board", "pico,puckjs", "--out", out]);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^firmware\/blink-many\/main\.ts:6:16: .*LED2 is not a pin of pico /);
    assert.ok(fs.existsSync(path.join(out, "blink-many.puckjs.js")), "the other board still builds");
    r = await ristretto(["build", "firmware/blink", "--board", "puckjs,nope"]);
    assert.deepStrictEqual([r.code, r.err.split("\n")[0]], [2, '--board: unknown board "nope". Known boards: ' + boardIds(ROOT).join(", ")]);
  });

  it("fails a bundle over the board's budget with exit code 1, naming the source files that take the most", async function () {
    var app = bigApp(), out = tmp(), r = await ristretto(["build", app, "--board", "esp8266", "--out", out]);
    var file = path.join(out, path.basename(app) + ".esp8266.js"), bytes = fs.statSync(file).size, vars = estimateVariables(fs.readFileSync(file, "utf8"), loadBoard("esp8266", ROOT));
    assert.strictEqual(r.code, 1, r.err);
    assert.match(r.out, new RegExp(" " + fmt(bytes) + " bytes \\([\\d,]+ as flashed, pretokenised\\), about " + fmt(vars) + " variables: " + Math.round((100 * vars) / 1600) + "% of esp8266's 1,600\n$"));
    var lines = r.err.split("\n");
    assert.strictEqual(lines[0], "Over budget: the program needs about " + fmt(vars) + " variables once loaded and esp8266 has 1,600 (code in RAM; from Storage about a third less). The largest contributors:");
    var first = new RegExp("^  " + path.join(app, "main.ts").replace(/\W/g, "\\$&") + " +([\\d,]+) bytes$").exec(lines[1]);
    assert.ok(first && +first[1].replace(/,/g, "") > 0.7 * bytes, "the app's word list first, with most of the bytes:\n" + r.err);
    assert.match(lines[2], /^  src\/core\/[\w-]+\.ts +\d[\d,]* bytes$/, "then the scheduler's largest file:\n" + r.err);
    assert.strictEqual(lines.length, 8, "six files and the final newline:\n" + r.err);
  });

  it("is also over budget when the bundle does not fit the board's flash for code", function () {
    var real = loadBoard("espruino-pico", ROOT), pico = Object.assign({}, real, { memory: Object.assign({}, real.memory, { variables: 100000 }) }); // room for the variables: the flash alone
    var v = sizeVerdict("x.js", "x".repeat(50000), pico);
    assert.deepStrictEqual(v.over, ["espruino-pico's flash for code holds 48 KB (49,152 bytes) and the bundle is 50,000 bytes"]);
    assert.deepStrictEqual(sizeVerdict("x.js", "x".repeat(49152), pico).over, []);
    assert.deepStrictEqual(sizeVerdict("x.js", "x".repeat(600000), loadBoard("pico", ROOT)).over, ["pico's flash for code holds 512 KB (524,288 bytes) and the bundle is 600,000 bytes"]);
  });

  it("estimates 60 variables for a running program, 4 per function outside any other, of every form, and 1.9 per variable's bytes of its text as Espruino keeps it, tokenised, without comments, rounding up", function () {
    var pico = loadBoard("espruino-pico", ROOT), linux = loadBoard("linux", ROOT), esp8266 = loadBoard("esp8266", ROOT);
    assert.deepStrictEqual([variableBytes(pico), variableBytes(linux), variableBytes({ chip: "NRF52", memory: { variables: 1000, ramBytes: 0 } } as any)], [16, 27, 12]);
    var fn = "function f(){return 1}"; // 22 bytes; 8 tokenised: function f ( ) { return 1 }
    assert.deepStrictEqual([estimateVariables("", pico), estimateVariables("x", pico), estimateVariables(fn, pico), estimateVariables(fn + fn, linux)], [60, 61, 65, 70]); // 60 + 1.9 * 1/16, 60 + 4 + 1.9 * 8/16, 60 + 8 + 1.9 * 16/27
    assert.strictEqual(estimateVariables("x".repeat(32000), esp8266), 60 + 3800);
    assert.strictEqual(estimateVariables("a=t=>t;o={k(){}}", pico), Math.ceil(60 + 8 + (1.9 * 15) / 16)); // an arrow and a method, 15 bytes tokenised (=> one)
    assert.strictEqual(estimateVariables("function f(){return function(){return()=>1}}", pico), Math.ceil(60 + 4 + (1.9 * 17) / 16)); // the functions inside one (17 bytes tokenised): its text only
    assert.strictEqual(estimateVariables("x".repeat(160) + "\n//# sourceMappingURL=app.espruino-pico.js.map\n", pico), Math.ceil(60 + 19)); // Espruino keeps no comment
  });

  it("gives every byte of the minified bundle to the source file its source map names", async function () {
    var out = tmp(), r = await ristretto(["build", "firmware/blink-many", "--board", "puckjs", "--out", out]);
    assert.strictEqual(r.code, 0, r.err);
    var file = path.join(out, "blink-many.puckjs.js"), code = fs.readFileSync(file, "utf8");
    var list = contributors(code, JSON.parse(fs.readFileSync(file + ".map", "utf8")), out, ROOT);
    assert.strictEqual(
      list.reduce((n, c) => n + c.bytes, 0),
      Buffer.byteLength(code),
    );
    var names = list.map((c) => c.file);
    ["firmware/blink-many/main.ts", "src/core/loop.ts", "src/core/task.ts", "src/io/output.ts", "src/core/coroutine.ts"].forEach((f) => assert.ok(names.indexOf(f) >= 0, f + " in " + names.join(", ")));
    assert.ok(names.indexOf("src/hal/sim.ts") < 0, "no simulator code in a device bundle");
    list.slice(1).forEach((c, i) => assert.ok(c.bytes <= list[i].bytes, "largest first"));
  });

  it("names a source file from the current folder, else from ristretto's folder, else in full", function () {
    var other = path.join(os.tmpdir(), "checkout");
    assert.deepStrictEqual(
      [path.join(process.cwd(), "firmware/x/main.ts"), path.join(other, "src/core/task.ts"), path.join(os.tmpdir(), "y.ts")].map((f) => sourceName(f, other)),
      ["firmware/x/main.ts", "ristretto/src/core/task.ts", path.join(os.tmpdir(), "y.ts")],
    );
  });

  it("--help lists its options, and the usage is the same through the ristretto command", async function () {
    var r = await ristretto(["build", "--help"]), h = await ristretto(["help", "build"]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(h.out, r.out);
    ["usage: ristretto build <app> --board <id>", "--board <id>", "--out <dir>", "--no-minify", "--es5", "--help", "puckjs", "Exit code"].forEach((s) => assert.ok(r.out.indexOf(s) >= 0, s + " in:\n" + r.out));
  });

  it("refuses a missing app or board, two apps and an unknown option with one line and exit code 2", async function () {
    var rs = await Promise.all([["build"], ["build", "firmware/blink"], ["build", "firmware/blink", "firmware/talk", "--board", "sim"], ["build", "firmware/blink", "--bogus"]].map(ristretto));
    assert.deepStrictEqual(
      rs.map((r) => r.code),
      [2, 2, 2, 2],
    );
    assert.deepStrictEqual(
      rs.map((r) => r.err.split("\n")[0]),
      [
        "No app given: expected a firmware folder with main.ts, such as firmware/blink, or a .ts file",
        "No --board given: expected one of " + boardIds(ROOT).join(", "),
        "Expected one app, got 2: firmware/blink firmware/talk",
        "Unknown option --bogus. Options: --board, --out, --no-minify, --es5, --watch, --help",
      ],
    );
    rs.forEach((r) => assert.strictEqual(r.err.split("\n")[1], "Run ristretto build --help for the options."));
  });
});
