// Runs a firmware example on the simulated board (ristretto/sim) in virtual
// time, the way it runs on a device: its main.ts calls run() as it is
// loaded. Gives what happened on the pins and the console as text lines, to
// compare with a golden trace (test/golden/<app>.trace).

import fs = require("fs");
import path = require("path");
import { simBoard } from "../../src/hal/sim";
import { createSim } from "../../src/sim/create-sim";
import type { PressOptions } from "../../src/sim/sim-base";
import type { Send } from "./serial-input";

var ROOT = path.resolve(__dirname, "../../..");

/**
 * Runs firmware/<app> on the sim board for `untilMs`, pressing buttons as
 * `presses` say. Lines: "<ms> <pin> <names> <level or pwm duty>" for each
 * pin change, "<ms> > <text>" for each console line (after the pin changes
 * of the same millisecond), "<ms> <port> rx|tx <bytes as JSON>" for each chunk
 * a serial port received or the firmware wrote (`sends` scripts the input).
 */
export function runFirmware(app: string, untilMs: number, presses?: [string, PressOptions][], sends?: Send[]): string[] {
  var sim = createSim("sim"), names: { [pin: string]: string[] } = {}, b = sim.board;
  Object.keys(b.leds).forEach((n) => (names[b.leds[n]] = (names[b.leds[n]] || []).concat(n)));
  Object.keys(b.buttons).forEach((n) => (names[b.buttons[n].pin] = (names[b.buttons[n].pin] || []).concat(n)));
  sim.startApp(path.join(ROOT, "firmware", app));
  (presses || []).forEach((p) => sim.press(p[0], p[1]));
  (sends || []).forEach((x) => sim.uart(x[0]).send(x[1], x[2]));
  sim.advance(untilMs);
  var lines: { t: number; line: string }[] = simBoard.trace.entries().map(function (e) {
    return { t: e.t, line: e.t + " " + [e.pin].concat(names[e.pin] || []).join(" ") + " " + (e.analog ? "pwm " + e.value.toFixed(4) : String(e.value)) };
  });
  Object.keys(b.uarts).forEach(function (port) {
    var u = sim.uart(port);
    u.received().forEach((c) => lines.push({ t: c[0], line: c[0] + " " + port + " rx " + JSON.stringify(c[1]) }));
    u.written().forEach((c) => lines.push({ t: c[0], line: c[0] + " " + port + " tx " + JSON.stringify(c[1]) }));
  });
  sim.console.forEach(function (c) {
    lines.push({ t: c.t, line: c.t + " > " + c.text });
  });
  return lines.map((l, i) => ({ t: l.t, i: i, line: l.line })).sort((x, y) => x.t - y.t || x.i - y.i).map((l) => l.line);
}

/** The golden trace of `name`; with UPDATE_GOLDEN=1 in the environment, writes `lines` as it first. */
export function golden(name: string, header: string, lines: string[]): string[] {
  var file = path.join(ROOT, "test/golden", name + ".trace");
  var text = "# " + header + "\n" + lines.join("\n") + "\n";
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, text);
  if (!fs.existsSync(file)) throw new Error("no golden trace " + path.relative(ROOT, file) + ": run the tests once with UPDATE_GOLDEN=1 and check what it wrote");
  return fs.readFileSync(file, "utf8").split("\n").slice(1, -1);
}
