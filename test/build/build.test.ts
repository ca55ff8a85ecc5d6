// The build end to end: bundles, sizes, and errors that name the TypeScript line.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { appEntry, build } from "../../src/build/build";

var root = path.resolve(__dirname, "../../..");

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-build-"));
}

describe("the device build", function () {

  it("writes one script and its source map, and reports the scheduler's share", async function () {
    var out = tmp();
    var r = await build({ app: path.join(root, "firmware/blink-many"), board: "espruino-pico", outDir: out });
    var code = fs.readFileSync(path.join(out, r.file), "utf8");
    assert.strictEqual(r.file, "blink-many.espruino-pico.js");
    assert.strictEqual(r.bytes, Buffer.byteLength(code));
    assert.ok(r.schedulerBytes > 0 && r.schedulerBytes < r.bytes);
    assert.ok(fs.existsSync(path.join(out, r.file + ".map")));
    assert.doesNotMatch(code, /require\(|exports\.|Promise/);
    assert.doesNotMatch(code, /Serial|UART_BUFFER|overrun/i, "an app that opens no serial port carries none of the uart code or the board's ports");
  });

  it("an app with a serial port gets the runtime's own port object and its adapter", async function () {
    var out = tmp();
    var espruino = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/serial-echo"), board: "puckjs", outDir: out })).file), "utf8");
    assert.match(espruino, /\[Serial1,"D29","D28"\]/);
    assert.match(espruino, /\.setup\(/);
    var kaluma = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "test/build/fixtures/uart0-echo"), board: "pico", outDir: out })).file), "utf8");
    assert.match(kaluma, /\[0,1,0\]/);
    assert.match(kaluma, /require\("uart"\)/);
  });

  it("leaves out what only another runtime needs: Kaluma's millis() clock and JerryScript's stack arrays", async function () {
    var out = tmp();
    var espruino = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/blink"), board: "espruino-pico", outDir: out })).file), "utf8");
    var kaluma = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/blink"), board: "pico", outDir: out })).file), "utf8");
    assert.doesNotMatch(espruino, /millis|instanceof Array/);
    assert.match(kaluma, /millis/);
    assert.match(kaluma, /instanceof Array/);
  });

  it("starts an Espruino bundle by keeping the functions it defines tokenised in RAM, and not a Kaluma one", async function () {
    var out = tmp();
    var espruino = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/blink"), board: "espruino-pico", outDir: out })).file), "utf8");
    var kaluma = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/blink"), board: "pico", outDir: out })).file), "utf8");
    assert.strictEqual(espruino.indexOf("E.setFlags({pretokenise:1});function "), 0, "first, before the first function");
    assert.doesNotMatch(kaluma, /setFlags/);
  });

  it("makes a device's one loop with the bundle, written out as one object, with no function to get it", async function () {
    var out = tmp();
    var code = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/blink"), board: "espruino-pico", outDir: out })).file), "utf8");
    assert.match(code, /[;,][\w$]+=\{[\w$]+:\[\],[\w$]+:\[\],/, "its ready queue and its timers, then its methods (singleton-literal.ts)");
    assert.doesNotMatch(code, /\|\|\([\w$]+=new [\w$]+\)/, "a getter that makes it");
    var loop = /[;,]([\w$]+)=\{[\w$]+:\[\],[\w$]+:\[\],/.exec(code)![1].replace(/\$/g, "\\$");
    assert.match(code, new RegExp("var (?:[\\w$]+(?:=(?:\\[[\\d.,e]*\\]|[\\d.e]+))?,)*" + loop + "[,;]"), "declared in the first var statement with the other data, before its functions (data-first.ts)");
  });

  it("calls Espruino's pin functions by their own names, without a wrapper or an alias, and leaves out those the app does not use, not even a read of the name", async function () {
    var out = tmp();
    var code = fs.readFileSync(path.join(out, (await build({ app: path.join(root, "firmware/blink"), board: "espruino-pico", outDir: out })).file), "utf8");
    assert.match(code, /pinMode\(\w,"output"\)/);
    assert.match(code, /digitalWrite\(/);
    assert.doesNotMatch(code, /\(\w,\w\)=>\{(pinMode|digitalWrite)\(/, "a wrapper");
    assert.doesNotMatch(code, /=(pinMode|digitalWrite)[;,]/, "an alias (aliases.ts)");
    assert.doesNotMatch(code, /clearWatch|analogRead|digitalRead|setWatch|analogWrite/);
  });

  it("fails on what Espruino cannot run, naming the construct, the remedy and the TypeScript line", async function () {
    var out = tmp();
    await assert.rejects(build({ app: path.join(root, "test/build/fixtures/uses-map"), board: "espruino-pico", outDir: out }), function (e: Error) {
      assert.match(e.message, /^test\/build\/fixtures\/uses-map\/main\.ts:6:\d+: dialect rule: Map does not run on Espruino: Espruino has no Map \(rule 13\): use a plain object/);
      return true;
    });
  });

  it("fails on a type error, naming the TypeScript line", async function () {
    await assert.rejects(build({ app: path.join(root, "test/build/fixtures/type-error"), board: "espruino-pico", outDir: tmp() }), function (e: Error) {
      assert.match(e.message, /^test\/build\/fixtures\/type-error\/main\.ts:6:17: type error: Argument of type 'string' is not assignable/);
      return true;
    });
  });

  it("refuses an app that does not exist, listing the apps", function () {
    assert.throws(() => appEntry("firmware/nope", root), /App "firmware\/nope" not found: .* Apps in firmware\/: .*blink/);
  });
});
