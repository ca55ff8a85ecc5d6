// ristretto monitor --port <port>: the board's console in the terminal. What
// the board prints comes through as it arrives, but for the positions in its
// stack lines ("    at f (ristretto.a.js:1:1234)", "    at :1:1234" for code
// typed into Espruino's REPL, Kaluma's "  at <anonymous>:1:1234"), which
// become TypeScript positions through the bundle's source map. What is typed
// goes to the board, a key at a time on a terminal (Ctrl-C reaches the
// board); Ctrl-] quits. A lost connection (a board reset over USB drops its
// port) is opened again every second until the board is back. Host only.

import fs = require("fs");
import path = require("path");
import { ROOT } from "../build/build";
import { boardIds, loadBoard } from "../build/boards";
import { bundlePositions, stackFrame } from "../sim/runtime/source-map";
import type { SourcePosition } from "../sim/runtime/source-map";
import { isUsageError, optionsHelp, parseArgs, usageError } from "./args";
import type { OptionSpec } from "./args";
import { knownBoard } from "./usage-checks";
import { EXIT } from "./command";
import type { Command, Io } from "./command";
import { SLOTS } from "./espruino-flash";
import { flashedTo } from "./flashed";
import { listSerialPorts, noPortMessage } from "./ports";
import type { PortInfo } from "./ports";
import { openLink } from "./transport";
import type { Link } from "./transport";

var OPTIONS: OptionSpec[] = [
  { name: "--port", value: "port", help: "a serial port (/dev/ttyACM0, COM3; ristretto ports lists them) or tcp://HOST:PORT" },
  { name: "--baud", value: "N", help: "serial speed (default: the board's, else 115200)" },
  { name: "--board", value: "id", help: "the board, for its baud rate (default: the one last flashed to the port)" },
  { name: "--bundle", value: "file", help: "the bundle whose positions to translate, with its .map beside it (default: the one last flashed to the port from here)" },
  { name: "--out", value: "dir", help: "where flash wrote its bundles (default: dist)" },
  { name: "--help", help: "this text" },
];

var USAGE = [
  "usage: ristretto monitor --port <port> [--bundle <file>] [--baud N]   (in a project: npm run monitor)",
  "Shows the board's console and sends it what you type. Positions in the errors the board prints",
  "(\"at ristretto.a.js:1:1234\") are shown as TypeScript lines (firmware/blink/main.ts:12:5), through the source",
  "map of the bundle last flashed to that port, or of --bundle. Ctrl-] quits. If the connection drops (a board",
  "reset over USB), it is opened again every second until the board is back.",
  "",
  optionsHelp(OPTIONS),
  "",
  "Exit code: 0 quit with Ctrl-]; 1 the port cannot be opened; 2 bad usage.",
  "Example: ristretto monitor --port /dev/ttyACM0",
].join("\n");

/** Ctrl-], as telnet and miniterm quit. */
var QUIT = 0x1d;
/** Real ms a partial line that may turn into a stack line is held before it is shown as it is. */
var HOLD_MS = 100;
var RETRY_MS = 1000;

/** What monitor reaches outside itself; tests give their own. */
export interface MonitorDeps {
  listPorts(): Promise<PortInfo[]>;
  /** What the user types (process.stdin). */
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };
}

/**
 * The names a board prints for the bundle's code: Espruino's Storage files,
 * "" for code typed into its REPL, "<anonymous>" for Kaluma's code area
 * (JerryScript names no source), the bundle's own file in a simulator.
 */
function bundleNames(bundle: string): string[] {
  return SLOTS.concat(["", "<anonymous>", path.basename(bundle)]);
}

/**
 * A function from a line the board printed to the line to show: a stack
 * line's bundle position becomes its TypeScript position; every other line
 * stays as it is.
 */
export function stackTranslator(bundle: string | undefined): (line: string) => string {
  var at: (l: number, c: number) => SourcePosition | undefined = bundle ? bundlePositions(bundle, ROOT) : function () {
    return undefined;
  };
  var names = bundle ? bundleNames(bundle) : [];
  return function (line) {
    var f = stackFrame(line.replace(/\r$/, "")), p = f && names.indexOf(f.name) >= 0 ? at(f.line, f.column) : undefined;
    return f && p ? line.replace(f.name + ":" + f.line + ":" + f.column, p.where) : line;
  };
}

/**
 * Splits what arrives into lines for `translate`, and writes them to `write`
 * at once, but for a partial line that may still become a stack line: that
 * is held until its end comes, or HOLD_MS pass.
 */
function lineWriter(write: (text: string) => void, translate: (line: string) => string): (text: string) => void {
  var held = "", timer: ReturnType<typeof setTimeout> | undefined;
  function flush(): void {
    timer = undefined;
    if (held) write(held);
    held = "";
  }
  return function (text) {
    if (timer) clearTimeout(timer);
    timer = undefined;
    var lines = (held + text).split("\n");
    held = lines.pop() as string;
    var out = lines
      .map(function (l) {
        return translate(l) + "\n";
      })
      .join("");
    // Only a line of blanks, or blanks then a start of "at ", can be a stack line still.
    if (!/^\s+(a|at|at .*)?$/.test(held)) {
      out += held;
      held = "";
    } else timer = setTimeout(flush, HOLD_MS);
    if (out) write(out);
  };
}

function describe(bundle: string | undefined, port: string, record: boolean): string {
  if (!bundle) return "No bundle is known for " + port + " (flash one with ristretto flash, or pass --bundle): positions show as the board prints them.";
  if (!fs.existsSync(bundle + ".map")) return "No source map beside " + bundle + ": positions show as the board prints them.";
  return "Positions in " + path.basename(bundle) + (record ? " (flashed here last)" : "") + " show as TypeScript lines.";
}

export function monitorCommand(deps: MonitorDeps): Command {
  return {
    run: async function (argv: string[], io: Io): Promise<number> {
      try {
        var a = parseArgs(argv, OPTIONS), o = a.options;
        if (o.help) {
          io.out(USAGE + "\n");
          return EXIT.OK;
        }
        if (a.positional.length) throw usageError("ristretto monitor takes no arguments, got " + a.positional.join(" ") + " (the port is --port)");
        if (!o.port) throw usageError(await noPortMessage(deps.listPorts));
        if (o.baud !== undefined && !/^[1-9]\d*$/.test(o.baud as string)) throw usageError("--baud: expected a whole number of bits per second such as 115200, got " + JSON.stringify(o.baud));
        if (o.board) knownBoard(o.board as string);
        if (o.bundle && !fs.existsSync(o.bundle as string)) throw usageError("--bundle: no file " + o.bundle + " (a bundle ristretto build wrote, such as dist/blink.espruino-pico.js)");
      } catch (e) {
        if (!isUsageError(e)) throw e;
        io.err((e as Error).message + "\nRun ristretto monitor --help for the options.\n");
        return EXIT.USAGE;
      }
      var port = o.port as string, record = flashedTo((o.out as string) || "dist", port);
      var bundle = (o.bundle as string) || (record && fs.existsSync(record.bundle) ? record.bundle : undefined);
      var board = (o.board as string) || (record && record.board);
      var baud = o.baud ? +o.baud : (board && loadBoard(board, ROOT).serial.baud) || 115200;
      try {
        var link = await openLink(port, { baud: baud });
      } catch (e) {
        io.err(String((e as Error).message || e) + "\n");
        return EXIT.FAILED;
      }
      io.out("Connected to " + port + (port.indexOf("tcp://") ? " at " + baud + " baud" : "") + ". Ctrl-] quits. " + describe(bundle, port, !o.bundle) + "\n");
      return session(link, port, baud, stackTranslator(bundle), deps.input, io);
    },
  };
}

/** Runs the console until Ctrl-]; gives the exit code. */
function session(first: Link, port: string, baud: number, translate: (line: string) => string, input: MonitorDeps["input"], io: Io): Promise<number> {
  return new Promise(function (resolve) {
    var link: Link | undefined, quitting = false, show = lineWriter(io.out, translate);
    function attach(l: Link): void {
      link = l;
      l.onData(function (b) {
        show(b.toString("latin1"));
      });
      l.onClose(function () {
        if (link !== l || quitting) return;
        link = undefined;
        io.out("\n[The connection to " + port + " was lost: opening it again every " + RETRY_MS / 1000 + " s. Ctrl-] quits.]\n");
        reopen();
      });
    }
    function reopen(): void {
      if (quitting) return;
      io.wait(RETRY_MS).then(function () {
        if (quitting) return;
        openLink(port, { baud: baud }).then(
          function (l) {
            if (quitting) return void l.close();
            io.out("[Connected to " + port + " again.]\n");
            attach(l);
          },
          reopen,
        );
      });
    }
    function quit(): void {
      if (quitting) return;
      quitting = true;
      input.removeListener("data", typed);
      if (input.isTTY && input.setRawMode) input.setRawMode(false);
      if (typeof (input as NodeJS.ReadStream).pause === "function") (input as NodeJS.ReadStream).pause();
      (link ? link.close() : Promise.resolve()).then(function () {
        resolve(EXIT.OK);
      });
    }
    function typed(chunk: Buffer | string): void {
      var b = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk, q = b.indexOf(QUIT);
      var send = q >= 0 ? b.subarray(0, q) : b;
      if (send.length && link) link.write(send);
      if (q >= 0) quit();
    }
    attach(first);
    if (input.isTTY && input.setRawMode) input.setRawMode(true);
    input.on("data", typed); // piped input that ends leaves the console running: Ctrl-C ends it then
    if (typeof (input as NodeJS.ReadStream).resume === "function") (input as NodeJS.ReadStream).resume();
  });
}

export var command: Command = monitorCommand({
  listPorts: function () {
    return listSerialPorts();
  },
  get input() {
    return process.stdin;
  },
});
