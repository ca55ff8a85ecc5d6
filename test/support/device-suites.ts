// The host's tests of the scheduler as firmware apps: the ports of
// uasyncio's tests (test/uasyncio/) and the tests of the primitives
// (test/funcs, test/sync, sleep and tasks), each file as it stands, with
// test/support/device-mocha.ts in place of mocha, assert and runVirtual, and
// ristretto imported as a firmware imports it. Built for a device, each
// prints "ok <test>", "not ok <test>: <why>" or "skip <test>" for each of its
// tests. test/engines/device-suites.test.ts runs them in QuickJS;
// scripts/device-runs.js on Espruino's own interpreter and on JerryScript.

import fs = require("fs");
import path = require("path");

/** The test files, from the repository's root. */
export var SUITES = ["test/uasyncio", "test/funcs", "test/sync", "test/core/sleep.test.ts", "test/core/task.test.ts"];

// What a device build leaves out (DESIGN.md decision 2), which these tests check.
var CHECK = "a misuse check that only the host makes";
var NAME = "a task's name in what the handler is told: a device's tasks have none";
var NEVER = "the report of a coroutine never awaited: the host's";

/** What only the host runs, and why: a whole file, or tests of a file by name. */
export var HOST_ONLY: { [file: string]: string | { [test: string]: string } } = {
  "test/uasyncio/wait-for-linked-task.test.ts": "runs loops of its own (Loop, setLoop, VirtualClock): host tooling",
  "test/uasyncio/current-task.test.ts": CHECK + " (E_NO_TASK)",
  "test/funcs/gather.test.ts": {
    "returns [] for an empty array and refuses what is not an array": CHECK + " (E_BAD_ARG)",
    "is reported when it is neither awaited nor given to a task, and runs when given to one": NEVER,
  },
  "test/funcs/task-group.test.ts": {
    "is reported when it is neither awaited nor given to a task": NEVER,
    "refuses on the host an await of the group itself": CHECK + " (E_NOT_AWAITABLE: a device's group is awaitable, src/core/awaiting.ts)",
  },
  "test/sync/event.test.ts": { "refuses on the host an await of the event itself, as uasyncio does: wait() is what is awaited": CHECK + " (E_NOT_AWAITABLE: a device's event is awaitable, src/core/awaiting.ts)" },
  "test/core/sleep.test.ts": { "refuses a delay that is not a number, naming it": CHECK + " (E_BAD_DELAY)" },
  "test/core/task.test.ts": {
    "a task awaiting itself gets an error instead of waiting forever": CHECK + " (E_AWAIT_SELF)",
    "result() gives the value, raises the exception, and refuses before the end": CHECK + " (E_TASK_PENDING), and a task's name",
    "an exception in one task never stops the others and reaches the handler with the task's name": NAME,
    "currentTask() is the running task and refuses outside one": CHECK + " (E_NO_TASK)",
    "createTask refuses what is not a coroutine, and a coroutine given to a task already": CHECK + " (E_NOT_COROUTINE, E_REUSED_COROUTINE)",
    "reports a coroutine that was created and never awaited, by name": NEVER,
    "awaits a native Promise and resumes when it settles": "an async mocha test: mocha awaits it on the host",
  },
};

export interface DeviceSuite {
  /** The test file, from the root. */
  file: string;
  /** Its app folder. */
  app: string;
  /** How many tests it has: a verdict each. */
  tests: number;
  /** The names of those only the host runs. */
  skip: string[];
}

/** A test file's text with the device's mocha, assert and runVirtual, and ristretto as a firmware imports it. */
function forDevice(text: string): string {
  return text
    .replace('import assert = require("assert");', 'import { assert, describe, it, runSuite } from "./device-mocha";')
    .replace(/from "\.\.\/support\/virtual"/g, 'from "./device-mocha"')
    .replace(/from "\.\.\/\.\.\/src\/sim\/virtual-clock"/g, 'from "./device-mocha"')
    .replace(/from "\.\.\/\.\.\/src"/g, 'from "ristretto"');
}

/** Every test file of SUITES (those of HOST_ONLY too). */
export function suiteFiles(root: string): string[] {
  var files: string[] = [];
  SUITES.forEach(function (s) {
    if (/\.ts$/.test(s)) files.push(s);
    else {
      fs.readdirSync(path.join(root, s)).forEach(function (f) {
        if (/\.test\.ts$/.test(f)) files.push(s + "/" + f);
      });
    }
  });
  return files;
}

/**
 * Writes an app folder for each test file that runs on a device, under `dir` (emptied first). `cannot` names, by file,
 * the tests an interpreter cannot run, each with why (test:jerryscript's): they are skipped as HOST_ONLY's are.
 */
export function writeDeviceSuites(root: string, dir: string, cannot?: { [file: string]: { [test: string]: string } }): DeviceSuite[] {
  var py = forDevice(fs.readFileSync(path.join(root, "test/uasyncio/py.ts"), "utf8"));
  var harness = fs.readFileSync(path.join(root, "test/support/device-mocha.ts"), "utf8");
  fs.rmSync(dir, { recursive: true, force: true });
  return suiteFiles(root)
    .filter((f) => typeof HOST_ONLY[f] !== "string")
    .map(function (f) {
      var text = fs.readFileSync(path.join(root, f), "utf8"), app = path.join(dir, f.replace(/^test\//, "").replace(/\.test\.ts$/, "").replace(/\//g, "-"));
      var skip = Object.keys((HOST_ONLY[f] as { [test: string]: string }) || {}).concat(Object.keys((cannot && cannot[f]) || {}));
      fs.mkdirSync(app, { recursive: true });
      fs.writeFileSync(path.join(app, "main.ts"), forDevice(text) + "\nrunSuite(" + JSON.stringify(skip) + ");\n");
      fs.writeFileSync(path.join(app, "py.ts"), py);
      fs.writeFileSync(path.join(app, "device-mocha.ts"), harness);
      return { file: f, app: app, tests: (text.match(/\bit\(/g) || []).length, skip: skip };
    });
}
