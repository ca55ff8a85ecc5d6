// Runs a firmware example on the simulated board in virtual time, the way it
// runs on a device: its main.ts calls run() as it is loaded. Returns what
// happened on the pins and the console, in order, as text lines to compare
// with a golden trace (test/golden/<app>.trace).

import fs = require("fs");
import path = require("path");
import { Loop, setLoop } from "../../src/core/loop";
import { simBoard } from "../../src/hal/sim";
import { selectBoard } from "../../src/sim/board-module";
import { VirtualClock } from "../../src/sim/virtual-clock";

var ROOT = path.resolve(__dirname, "../../..");

export interface FirmwareRun {
  /** "<ms> <pin> <names> <value>" for each pin change, "<ms> > <text>" for each console line. */
  lines: string[];
  clock: VirtualClock;
}

export interface Step {
  at: number;
  /** A pin driven from outside: pressed buttons, bounces. */
  drive?: [string, boolean | undefined];
}

/** Runs firmware/<app> on the sim board for `untilMs`, applying `steps` at their times. */
export function runFirmware(app: string, untilMs: number, steps?: Step[]): FirmwareRun {
  var profile = selectBoard("sim"), names: { [pin: string]: string[] } = {};
  Object.keys(profile.leds).forEach((n) => (names[profile.leds[n]] = (names[profile.leds[n]] || []).concat(n)));
  Object.keys(profile.buttons).forEach((n) => (names[profile.buttons[n].pin] = (names[profile.buttons[n].pin] || []).concat(n)));
  var clock = new VirtualClock(), prevLoop = setLoop(new Loop(clock)), log = console.log;
  var said: { at: number; t: number; text: string }[] = [];
  simBoard.reset();
  console.log = function (...parts: unknown[]) {
    said.push({ at: simBoard.trace.length, t: clock.now(), text: parts.map(String).join(" ") });
  };
  (steps || []).forEach(function (s) {
    clock.setTimer(function () {
      if (s.drive) simBoard.drive(s.drive[0], s.drive[1]);
    }, s.at);
  });
  var main = path.join(ROOT, ".build/firmware", app, "main.js");
  try {
    delete require.cache[require.resolve(main)];
    require(main);
    clock.advance(untilMs);
  } finally {
    console.log = log;
    setLoop(prevLoop);
  }
  var lines: string[] = [], j = 0;
  function flushSaid(upTo: number) {
    for (; j < said.length && said[j].at <= upTo; j++) lines.push(said[j].t + " > " + said[j].text);
  }
  simBoard.trace.forEach(function (e, i) {
    flushSaid(i);
    var value = e.pwm ? "pwm " + e.value.toFixed(4) : String(e.value);
    lines.push(e.t + " " + [e.pin].concat(names[e.pin] || []).join(" ") + " " + value);
  });
  flushSaid(Infinity);
  return { lines: lines, clock: clock };
}

/** The golden trace of `name`; with UPDATE_GOLDEN=1 in the environment, writes `lines` as it first. */
export function golden(name: string, header: string, lines: string[]): string[] {
  var file = path.join(ROOT, "test/golden", name + ".trace");
  var text = "# " + header + "\n" + lines.join("\n") + "\n";
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, text);
  if (!fs.existsSync(file)) throw new Error("no golden trace " + path.relative(ROOT, file) + ": run the tests once with UPDATE_GOLDEN=1 and check what it wrote");
  return fs.readFileSync(file, "utf8").split("\n").slice(1, -1);
}
