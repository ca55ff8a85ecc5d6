// The ports of uasyncio's tests, each built as a device bundle (DEV off, the
// features its program does not reach left out, lowered and minified as a
// firmware is) and run in QuickJS: every test of each must pass there as on
// the host (DESIGN.md decision 2: no device path goes untested). The apps:
// test/support/device-ports.ts. `npm run test:espruino` runs the same
// bundles on Espruino's own interpreter.

import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { build } from "../../src/build/build";
import { quickjs, runToEnd } from "../../src/sim/engines";
import { HOST_ONLY, portFiles, writeDevicePorts } from "../support/device-ports";
import type { DevicePort } from "../support/device-ports";

var root = path.resolve(__dirname, "../../.."); // from .build/test/uasyncio

describe("the uasyncio ports on the device bundle", function () {
  var ports: DevicePort[] = writeDevicePorts(root, path.join(root, ".build/device-ports"));

  it("covers every port but those only the host can run", function () {
    var files = portFiles(root);
    assert.ok(files.length >= 25, "ports read: " + files.length);
    assert.strictEqual(ports.length + Object.keys(HOST_ONLY).length, files.length);
  });

  ports.forEach(function (p) {
    it(p.file + ": every test passes", async function () {
      this.timeout(120000);
      var out = path.join(p.app, "dist"), r = await build({ app: p.app, board: "espruino-pico", outDir: out });
      var lines = await runToEnd(quickjs, fs.readFileSync(path.join(out, r.file), "utf8"));
      assert.deepStrictEqual(
        lines.filter((l) => !/^ok /.test(l)),
        [],
      );
      assert.strictEqual(lines.length, p.tests, "a verdict for each test: " + lines.join("\n"));
    });
  });
});
