// The artifact run: every firmware example, built for an Espruino board and
// (where it builds) for the Raspberry Pi Pico on Kaluma, runs in QuickJS with
// that runtime's globals, and does what the same firmware does on the Node
// simulation (createSim + startApp) of the same board: the same changes on
// every pin, at the same virtual times, and the same console. The talk runs
// built for the sim board too (timers and console only); test/firmware/io-paths,
// the paths of ristretto/io no example takes, runs as an example does
// (test/support/example-runs.ts).

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { boardNames, loadBoard } from "../../src/build/boards";
import { createSim, loadBundleFile } from "ristretto/sim";
import type { SimBase } from "../../src/sim/sim-base";
import { appDir, EXAMPLES, feed } from "../support/example-runs";
import type { ExampleRun } from "../support/example-runs";

var ROOT = path.resolve(__dirname, "../../..");

interface Run {
  /** [ms, value] per pin, by the board's names for it (LED1 and B2 both), for pins that changed. */
  pins: { [name: string]: [number, number][] };
  console: string[];
  errors: number[];
  /** "<ms> <port> rx|tx <bytes>" per chunk on a serial port. */
  serial: string[];
}

function record(sim: SimBase): Run {
  var pins: Run["pins"] = {};
  boardNames(sim.board).forEach(function (n) {
    var t = sim.pin(n.name).trace();
    if (t.length) pins[n.name] = t;
  });
  var serial: string[] = [];
  // A bundle for the sim board has its ports inside it, as its pins.
  if (sim.board.runtime !== "sim") Object.keys(sim.board.uarts).forEach(function (port) {
    var u = sim.uart(port);
    u.received().forEach((c) => serial.push(c[0] + " " + port + " rx " + JSON.stringify(c[1])));
    u.written().forEach((c) => serial.push(c[0] + " " + port + " tx " + JSON.stringify(c[1])));
  });
  return {
    pins: pins,
    console: sim.console.map((c) => c.t + " " + c.text),
    errors: sim.errors.map((e) => e.t),
    serial: serial,
  };
}

/** Forgets the app's compiled modules, so that they load afresh (the talk's random numbers start over). */
function forget(app: string): void {
  var dir = path.join(ROOT, ".build", path.relative(ROOT, appDir(app))) + path.sep;
  Object.keys(require.cache).forEach(function (k) {
    if (k.indexOf(dir) === 0) delete require.cache[k];
  });
}

/** The app on the Node simulation of `board`. */
function nodeRun(x: ExampleRun, board: string): Run {
  forget(x.app);
  try {
    var sim = createSim(board);
    sim.startApp(appDir(x.app));
    feed(sim, x);
    sim.advance(x.untilMs);
    return record(sim); // before the next createSim resets the process's board
  } finally {
    forget(x.app); // for the next test that runs it
  }
}

async function bundleRun(x: ExampleRun, file: string, board: string): Promise<Run> {
  var sim = await loadBundleFile(board, file);
  feed(sim, x);
  await sim.advance(x.untilMs);
  var run = record(sim);
  sim.dispose();
  // After an exception no task retrieved, the device prints where it was thrown (a line of the bundle's stack); the Node run cannot.
  var frames = run.console.filter((l) => / {4}at /.test(l));
  assert.strictEqual(frames.length, run.errors.length, "a stack line after each error: " + run.console.join("\n"));
  run.console = run.console.filter((l) => frames.indexOf(l) < 0);
  return run;
}

describe("firmware examples built for a board run in QuickJS as they run on the Node simulation", function () {
  var out = "", files: { [key: string]: string } = {};

  before(async function () {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-bundles-"));
    var builds = EXAMPLES.map((x) => x.boards.map((b) => [x.app, b]))
      .reduce((a, b) => a.concat(b), []);
    var reports = await Promise.all(builds.map((b) => build({ app: appDir(b[0]), board: b[1], outDir: out })));
    builds.forEach(function (b, i) {
      files[b[0] + "." + b[1]] = path.join(out, reports[i].file);
    });
  });

  after(function () {
    fs.rmSync(out, { recursive: true, force: true });
  });

  EXAMPLES.forEach(function (x) {
    x.boards.forEach(function (board) {
      var runtime = loadBoard(board, ROOT).runtime;
      it(x.app + " for " + board + " (" + runtime + "): the same pin changes and console as the Node run, 0 to " + x.untilMs + " ms", async function () {
        var node = nodeRun(x, board);
        var bundle = await bundleRun(x, files[x.app + "." + board], board);
        assert.ok(Object.keys(node.pins).length || node.console.length, "the Node run did something");
        assert.deepStrictEqual(bundle, node);
      });
    });
  });
});
