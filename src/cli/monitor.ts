// ristretto monitor --port <port>: the board's console in the terminal
// (console-session.ts), from the moment the port opens, its stack lines at
// TypeScript positions through the source map of the bundle last flashed to
// the port (stack-translator.ts). A lost connection (a board reset over USB
// drops its port) is opened again every second until the board is back.
// Host only.

import fs = require("fs");
import path = require("path");
import { ROOT } from "../build/build";
import { loadBoard } from "../build/boards";
import { isUsageError, optionsHelp, parseArgs, usageError } from "./args";
import type { OptionSpec } from "./args";
import { knownBoard } from "./usage-checks";
import { EXIT } from "./command";
import type { Command, Io } from "./command";
import { consoleSession } from "./console-session";
import type { ConsoleInput } from "./console-session";
import { flashedTo } from "./flashed";
import { listSerialPorts, noPortMessage } from "./ports";
import type { PortInfo } from "./ports";
import { stackTranslator } from "./stack-translator";
import { openLink } from "./transport";

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
  "reset over USB), it is opened again every second until the board is back. Piped input (echo 'print(1)' |",
  "ristretto monitor ...) is sent as typed, and monitor ends once the board has answered it and gone quiet. When",
  "stdout is not a terminal, the board's escape sequences and carriage returns are left out.",
  "",
  optionsHelp(OPTIONS),
  "",
  "Exit code: 0 quit with Ctrl-], or piped input answered; 1 the port cannot be opened; 2 bad usage.",
  "Example: ristretto monitor --port /dev/ttyACM0",
].join("\n");

/** What monitor reaches outside itself; tests give their own. */
export interface MonitorDeps {
  listPorts(): Promise<PortInfo[]>;
  /** What the user types (process.stdin). */
  input: ConsoleInput;
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
      return consoleSession(link, {
        port: port,
        translate: stackTranslator(bundle),
        input: deps.input,
        reopen: function () {
          return openLink(port, { baud: baud });
        },
      }, io);
    },
  };
}

export var command: Command = monitorCommand({
  listPorts: function () {
    return listSerialPorts();
  },
  get input() {
    return process.stdin;
  },
});
