// `ristretto new` makes a project; the project's own npm scripts then build
// and test it. Offline: --link makes node_modules from this checkout's
// packages (as npm install would from the file: dependency and the registry),
// and npm runs with --offline, so nothing is fetched.

import assert = require("assert");
import childProcess = require("child_process");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { fill, packageName } from "../../src/cli/new";
import { main } from "../../src/cli/ristretto";
import { fakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../..");

async function ristretto(args: string[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), code = await main(args, io);
  return { code: code, out: io.stdout, err: io.stderr };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-new-"));
}

/** `npm <args>` in the project, offline, on this checkout's compiled code as it is (no compile: the tests run from it). */
function npm(dir: string, args: string[]): { status: number | null; out: string } {
  var win = process.platform === "win32";
  var r = childProcess.spawnSync(win ? "npm.cmd" : "npm", args, {
    cwd: dir,
    encoding: "utf8",
    shell: win,
    env: Object.assign({}, process.env, { RISTRETTO_NO_COMPILE: "1", npm_config_offline: "true", npm_config_update_notifier: "false" }),
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), "utf8");
}

describe("ristretto new", function () {
  this.timeout(900000); // a hang guard: three npm runs, CPU-bound; no verdict here depends on it

  it("makes a project whose build and tests pass at once, offline, and whose test fails when the blinking changes", async function () {
    var dir = path.join(tmp(), "blinky"), r = await ristretto(["new", dir, "--board", "espruino-pico", "--link"]);
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    var test = npm(dir, ["test"]);
    assert.strictEqual(test.status, 0, test.out);
    assert.match(test.out, /firmware\/blink\n\s+✔ turns LED1 on and off every half second( \(\d+ms\))?\n[\s\S]*1 passing/);
    var build = npm(dir, ["run", "build"]);
    assert.strictEqual(build.status, 0, build.out);
    assert.match(build.out, /\ndist\/blink\.espruino-pico\.js  [\d,]+ bytes \([\d,]+ as flashed, pretokenised\), about [\d,]+ variables: \d+% of espruino-pico's 5,100\n/);
    assert.ok(fs.existsSync(path.join(dir, "dist/blink.espruino-pico.js")), "the bundle is in the project's own dist/");
    fs.writeFileSync(path.join(dir, "firmware/blink/main.ts"), read(dir, "firmware/blink/main.ts").replace("sleepMs(500)", "sleepMs(400)"));
    var failing = npm(dir, ["test"]);
    assert.notStrictEqual(failing.status, 0, failing.out);
    assert.match(failing.out, /1 failing[\s\S]*400/);
  });

  it("fills in the board, its LED and this checkout's path, and says what to do next", async function () {
    var dir = path.join(tmp(), "My Lamp"), r = await ristretto(["new", dir, "--board", "pico"]);
    assert.strictEqual(r.code, 0, r.err);
    var files: string[] = [];
    (function walk(d: string, rel: string) {
      fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name), rel + e.name + "/") : files.push(rel + e.name)));
    })(dir, "");
    assert.deepStrictEqual(files.sort(), [".gitignore", ".mocharc.json", "README.md", "firmware/blink/main.ts", "package.json", "test/blink.test.ts", "tsconfig.json"]);
    files.forEach((f) => assert.doesNotMatch(read(dir, f), /\{\{|\}\}/, f + " has a placeholder left"));
    var pkg = JSON.parse(read(dir, "package.json")), ours = JSON.parse(read(ROOT, "package.json"));
    assert.strictEqual(pkg.name, "my-lamp");
    assert.match(pkg.devDependencies.ristretto, /^file:/);
    assert.strictEqual(fs.realpathSync(path.resolve(dir, pkg.devDependencies.ristretto.slice(5))), fs.realpathSync(ROOT));
    ["typescript", "mocha", "@types/mocha", "@types/node"].forEach((p) => assert.strictEqual(pkg.devDependencies[p], ours.devDependencies[p], p));
    assert.strictEqual(pkg.scripts.build, "ristretto build firmware/blink --board pico");
    assert.match(read(dir, "tsconfig.json"), /"ristretto\/board": \["\.\/node_modules\/ristretto\/boards\/types\/pico\.d\.ts"\]/);
    assert.match(read(dir, "test/blink.test.ts"), /createSim\("pico"\)/);
    assert.match(read(dir, "README.md"), /^# my-lamp\n\nFirmware for Raspberry Pi Pico \(Kaluma\) \(`pico`\)/);
    assert.ok(!fs.existsSync(path.join(dir, "node_modules")), "without --link, npm install makes node_modules");
    assert.deepStrictEqual(r.out.split("\n").slice(-6), ["  cd " + JSON.stringify(dir), "  npm install", "  npm test        # the blink test, in virtual time", "  npm run sim     # LED1 live in the terminal", "  npm run build   # dist/blink.pico.js, to flash", ""]);
  });

  it("refuses a folder that is not empty, and leaves it as it was", async function () {
    var dir = tmp();
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    var r = await ristretto(["new", dir]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err, 'The folder "' + dir + '" is not empty (it holds notes.txt): give a new or empty folder, so that nothing is overwritten\nRun ristretto new --help for the options.\n');
    assert.deepStrictEqual(fs.readdirSync(dir), ["notes.txt"]);
  });

  it("makes the project in an empty folder that exists", async function () {
    var dir = tmp(), r = await ristretto(["new", dir, "--board", "puckjs"]);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(read(dir, "firmware/blink/main.ts"), /^\/\/ LED1 of Puck\.js, on and off every half second\.\n/);
  });

  it("refuses an unknown board, and a board without an LED naming the boards that have one", async function () {
    var unknown = await ristretto(["new", path.join(tmp(), "a"), "--board", "pico2"]), dark = await ristretto(["new", path.join(tmp(), "b"), "--board", "esp8266"]);
    assert.deepStrictEqual([unknown.code, dark.code], [2, 2]);
    assert.match(unknown.err, /^--board: unknown board "pico2"\. Known boards: banglejs2, .*, sim\n/);
    assert.match(dark.err, /^--board: esp8266 \(ESP8266\) has no LED for the blinking example\. Boards with one: esp32, espruino-original, espruino-pico, .*puckjs, sim\n/);
    assert.doesNotMatch(dark.err, /banglejs2|pico-w/);
  });

  it("needs a folder, one only", async function () {
    var none = await ristretto(["new"]), two = await ristretto(["new", "a", "b"]);
    assert.deepStrictEqual([none.code, two.code], [2, 2]);
    assert.match(none.err, /^No folder given: expected where to make the project, such as ristretto new \.\.\/blinky --board espruino-pico\n/);
    assert.match(two.err, /^Expected one folder, got 2: a b\n/);
  });

  it("--help lists its options", async function () {
    var r = await ristretto(["new", "--help"]);
    assert.strictEqual(r.code, 0);
    ["usage: ristretto new <dir> [--board <id>] [--link]", "--board <id>", "--link", "--help", "npm install", "Exit code"].forEach((s) => assert.ok(r.out.indexOf(s) >= 0, s + " in:\n" + r.out));
  });

  it("names the project after its folder, as npm allows", function () {
    assert.deepStrictEqual(["My Lamp", "/x/blinky/", "Ünïcode!", "..."].map(packageName), ["my-lamp", "blinky", "n-code", "firmware"]);
  });

  it("fails on a placeholder the template has no value for, naming it", function () {
    assert.strictEqual(fill("{{a}} {{version typescript}}", { a: "A" }, "x"), "A ~5.9.3");
    assert.throws(() => fill("{{nope}}", { a: "A" }, "README.md"), /^Error: templates\/new\/README\.md: \{\{nope\}\} has no value \(known: a, version <a devDependency>\)$/);
  });
});
