// The ports of uasyncio's tests (test/uasyncio/) as firmware apps: each port
// as it stands, with test/support/device-suite.ts in place of mocha, assert
// and runVirtual, and ristretto imported as a firmware imports it. Built for
// a device, each prints "ok <test>" or "not ok <test>: <why>" for each of its
// tests. test/uasyncio/on-device.test.ts runs them in QuickJS;
// scripts/test-espruino.js on Espruino's own interpreter.

import fs = require("fs");
import path = require("path");

/** Ports that do not run on a device, and why. */
export var HOST_ONLY: { [file: string]: string } = {
  "wait-for-linked-task.test.ts": "runs loops of its own (Loop, setLoop, VirtualClock): host tooling",
  "current-task.test.ts": "currentTask() outside a task raises E_NO_TASK on the host only: a device gives undefined",
};

export interface DevicePort {
  /** The port's file in test/uasyncio/. */
  file: string;
  /** Its app folder. */
  app: string;
  /** How many tests it has: a verdict each. */
  tests: number;
}

/** A port's text with the device suite's mocha, assert and runVirtual, and ristretto as a firmware imports it. */
function devicePort(text: string): string {
  return text
    .replace('import assert = require("assert");', 'import { assert, describe, it, runSuite } from "./device-suite";')
    .replace(/from "\.\.\/support\/virtual"/g, 'from "./device-suite"')
    .replace(/from "\.\.\/\.\.\/src\/sim\/virtual-clock"/g, 'from "./device-suite"')
    .replace(/from "\.\.\/\.\.\/src"/g, 'from "ristretto"');
}

/** Every port file of test/uasyncio/ (those of HOST_ONLY too). */
export function portFiles(root: string): string[] {
  return fs.readdirSync(path.join(root, "test/uasyncio")).filter((f) => /\.test\.ts$/.test(f) && f !== "on-device.test.ts");
}

/** Writes an app folder for each port that runs on a device, under `dir` (emptied first). */
export function writeDevicePorts(root: string, dir: string): DevicePort[] {
  var ports = path.join(root, "test/uasyncio"), py = devicePort(fs.readFileSync(path.join(ports, "py.ts"), "utf8"));
  var suite = fs.readFileSync(path.join(root, "test/support/device-suite.ts"), "utf8");
  fs.rmSync(dir, { recursive: true, force: true });
  return portFiles(root)
    .filter((f) => !HOST_ONLY[f])
    .map(function (f) {
      var text = fs.readFileSync(path.join(ports, f), "utf8"), app = path.join(dir, f.replace(/\.test\.ts$/, ""));
      fs.mkdirSync(app, { recursive: true });
      fs.writeFileSync(path.join(app, "main.ts"), devicePort(text) + "\nrunSuite();\n");
      fs.writeFileSync(path.join(app, "py.ts"), py);
      fs.writeFileSync(path.join(app, "device-suite.ts"), suite);
      return { file: f, app: app, tests: (text.match(/\bit\(/g) || []).length };
    });
}
