// The ports of uasyncio's tests, each built as a device bundle (DEV off, the
// features its program does not reach left out, lowered and minified as a
// firmware is) and run in QuickJS: each must print what it asserts on the
// host (DESIGN.md decision 2: no device path goes untested). A port is
// built as it stands, with test/support/device-suite.ts in place of mocha,
// assert and runVirtual.

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { build } from "../../src/build/build";
import { quickjs, runToEnd } from "../../src/sim/engines";

var root = path.resolve(__dirname, "../../.."); // from .build/test/uasyncio
var ports = path.join(root, "test/uasyncio");

/**
 * Ports that do not run on a device, and why. A test that checks a misuse
 * error only the host raises (DESIGN.md decision 2) is named here too.
 */
var HOST_ONLY: { [file: string]: string } = {
  "wait-for-linked-task.test.ts": "runs loops of its own (Loop, setLoop, VirtualClock): host tooling",
  "current-task.test.ts": "currentTask() outside a task raises E_NO_TASK on the host only: a device gives undefined",
};

/** A port's text with the device suite's mocha, assert and runVirtual, and ristretto as a firmware imports it. */
function devicePort(text: string): string {
  return text
    .replace('import assert = require("assert");', 'import { assert, describe, it, runSuite } from "./device-suite";')
    .replace(/from "\.\.\/support\/virtual"/g, 'from "./device-suite"')
    .replace(/from "\.\.\/\.\.\/src\/sim\/virtual-clock"/g, 'from "./device-suite"')
    .replace(/from "\.\.\/\.\.\/src"/g, 'from "ristretto"');
}

describe("the uasyncio ports on the device bundle", function () {
  var files = fs.readdirSync(ports).filter((f) => /\.test\.ts$/.test(f) && f !== "on-device.test.ts");
  var apps = path.join(root, ".build/device-ports");

  before(function () {
    fs.rmSync(apps, { recursive: true, force: true });
    files.forEach(function (f) {
      if (HOST_ONLY[f]) return;
      var dir = path.join(apps, f.replace(/\.test\.ts$/, ""));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "main.ts"), devicePort(fs.readFileSync(path.join(ports, f), "utf8")) + "\nrunSuite();\n");
      fs.writeFileSync(path.join(dir, "py.ts"), devicePort(fs.readFileSync(path.join(ports, "py.ts"), "utf8")));
      fs.copyFileSync(path.join(root, "test/support/device-suite.ts"), path.join(dir, "device-suite.ts"));
    });
  });

  it("covers every port but those that only the host can run", function () {
    assert.ok(files.length >= 25, "ports read: " + files.length);
    Object.keys(HOST_ONLY).forEach(function (f) {
      assert.ok(files.indexOf(f) >= 0, f + " is listed as host-only but is not a port");
    });
  });

  files.forEach(function (f) {
    if (HOST_ONLY[f]) return;
    it(f + ": every test passes", async function () {
      this.timeout(120000);
      var name = f.replace(/\.test\.ts$/, ""), out = path.join(apps, name, "dist");
      var r = await build({ app: path.join(apps, name), board: "espruino-pico", outDir: out });
      var lines = await runToEnd(quickjs, fs.readFileSync(path.join(out, r.file), "utf8"));
      var its = (fs.readFileSync(path.join(ports, f), "utf8").match(/\bit\(/g) || []).length;
      assert.deepStrictEqual(
        lines.filter((l) => !/^ok /.test(l)),
        [],
      );
      assert.strictEqual(lines.length, its, "a verdict for each test: " + lines.join("\n"));
    });
  });
});
