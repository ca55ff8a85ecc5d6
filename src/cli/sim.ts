// ristretto sim <app>: its options, checked before anything runs, and its
// usage. The run itself is sim-run.ts. Host only.

import fs = require("fs");
import path = require("path");
import { boardIds } from "../build/boards";
import { seconds } from "../sim/live-view";
import { isUsageError, optionsHelp, parseArgs, parseDuration, parsePress, parseSend, usageError } from "./args";
import type { OptionSpec, PressSpec, SendSpec } from "./args";
import { EXIT } from "./command";
import type { Command, Io } from "./command";
import { runSim } from "./sim-run";
import { watchApp } from "./watch";
import { appsHere, existingApp, knownBoard } from "./usage-checks";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/cli

var OPTIONS: OptionSpec[] = [
  { name: "--board", value: "id", help: "the board to simulate (default sim): " + boardIds(ROOT).join(", ") },
  { name: "--until", value: "duration", help: "how much virtual time to run: 10s (default), 1.5s, 800ms, 2m" },
  { name: "--speed", value: "1|max", help: "virtual seconds per real second: 1, 2, 0.5..., or max (as fast as it goes). Default: 1 in the live view, max otherwise" },
  { name: "--press", value: "pin@time[:hold[:bounce]]", repeat: true, help: "presses a button: BTN1@1.5s (held 100ms), BTN1@1.5s:800ms, BTN1@2s:100ms:5ms (bouncing 5ms at each edge). Repeatable" },
  { name: "--send", value: "port@time:text", repeat: true, help: "sends bytes to a serial port: SERIAL1@1s:hello\\r\\n (escapes \\r \\n \\t \\\\ \\xHH), at the baud rate the firmware opened it at. Repeatable" },
  { name: "--vcd", value: "file", help: "writes the trace as a Value Change Dump (GTKWave, PulseView)" },
  { name: "--svg", value: "file", help: "writes the trace as an SVG waveform" },
  { name: "--no-tty", help: "plain lines, one per change, even on a terminal" },
  { name: "--watch", help: "compile and run again each time a .ts file of the app is saved (until Ctrl-C)" },
  { name: "--help", help: "this text" },
];

var USAGE = [
  "usage: ristretto sim <app> [options]",
  "Runs <app> (a firmware folder with main.ts, such as firmware/blink-many, or a .ts file) on a simulated board",
  "in virtual time. On a terminal it shows the board's LEDs and buttons live; otherwise it prints one line per",
  "change (1.500s LED1 on), each line the firmware prints ([1.200s] text) and what goes over its serial ports",
  "(1.250s SERIAL1 wrote \"ok\\r\\n\"). Then a summary.",
  "",
  optionsHelp(OPTIONS),
  "",
  "Exit code: 0 done; 1 the firmware raised an exception no task retrieved, or uses a pin the board lacks; 2 bad usage.",
  "Examples: ristretto sim firmware/button-led --press BTN1@1.5s --press BTN1@4s:1200ms --vcd button-led.vcd",
  "          ristretto sim firmware/serial-echo --send SERIAL1@1s:hello\\r\\n --send SERIAL1@2s:world\\r\\n --until 3s",
].join("\n");

/** What `ristretto sim` was asked to do. */
export interface SimOptions {
  app: string;
  board: string;
  /** Virtual ms to run. */
  until: number;
  /** Virtual ms per real ms; Infinity: as fast as it goes. */
  speed: number;
  presses: PressSpec[];
  sends: SendSpec[];
  vcd?: string;
  svg?: string;
  /** Redraw in place (a terminal, and no --no-tty). */
  live: boolean;
  /** --watch: run again each time a file of the app changes. */
  watch: boolean;
  /** Ends the run early when it returns true (a change seen by --watch). */
  stop?: () => boolean;
}

/** The options of `argv`, or "help"; a mistake throws a usage error naming the option. */
export function simOptions(argv: string[], io: Io): SimOptions | "help" {
  var a = parseArgs(argv, OPTIONS), o = a.options;
  if (o.help) return "help";
  if (!a.positional.length) throw usageError("No app given: expected a firmware folder such as firmware/blink-many" + appsHere());
  if (a.positional.length > 1) throw usageError("Expected one app, got " + a.positional.length + ": " + a.positional.join(" "));
  var live = io.tty && !o["no-tty"];
  var opts: SimOptions = { app: existingApp(a.positional[0]), board: knownBoard((o.board as string) || "sim"), until: 10000, speed: live ? 1 : Infinity, presses: [], sends: [], live: live, watch: !!o.watch };
  if (o.until !== undefined) opts.until = parseDuration("--until", o.until as string);
  if (!(opts.until > 0)) throw usageError("--until: expected a duration longer than 0, got " + o.until);
  if (o.speed !== undefined) opts.speed = parseSpeed(o.speed as string);
  opts.presses = ((o.press as string[]) || []).map(parsePress);
  opts.presses.forEach(function (p) {
    if (p.at >= opts.until) throw usageError("--press " + p.text + ": at " + seconds(p.at) + " is not before the end of the run (" + seconds(opts.until) + "): press earlier or give a longer --until");
  });
  opts.sends = ((o.send as string[]) || []).map(parseSend);
  opts.sends.forEach(function (s) {
    if (s.at >= opts.until) throw usageError("--send " + s.text + ": at " + seconds(s.at) + " is not before the end of the run (" + seconds(opts.until) + "): send earlier or give a longer --until");
  });
  if (o.vcd !== undefined) opts.vcd = checkOut("--vcd", o.vcd as string);
  if (o.svg !== undefined) opts.svg = checkOut("--svg", o.svg as string);
  return opts;
}

function parseSpeed(text: string): number {
  if (text === "max") return Infinity;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text) || !(parseFloat(text) > 0)) throw usageError('--speed: expected a number above 0 (1 is real time, 2 twice as fast) or "max", got ' + JSON.stringify(text));
  return parseFloat(text);
}

function checkOut(what: string, file: string): string {
  var dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw usageError(what + ": the folder " + path.dirname(file) + " does not exist, so " + file + " cannot be written");
  return file;
}

async function main(argv: string[], io: Io): Promise<number> {
  try {
    var o = simOptions(argv, io);
    if (o === "help") {
      io.out(USAGE + "\n");
      return EXIT.OK;
    }
    if (!o.watch) return await runSim(o, io);
    var opts = o;
    return await watchApp(o.app, function (changed) {
      opts.stop = changed;
      return runSim(opts, io);
    }, io);
  } catch (e) {
    if (!isUsageError(e)) throw e;
    io.err((e as Error).message + "\nRun ristretto sim --help for the options.\n");
    return EXIT.USAGE;
  }
}

export var command: Command = { run: main };
