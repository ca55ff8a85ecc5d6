// ristretto flash <app> --board <id> --port <path|tcp://host:port> [--save]:
// builds the app (build.ts), checks the port can be opened (transport.ts),
// then hands the bundle to the board's runtime: Espruino through the
// `espruino` tools (espruino-link.ts, espruino-flash.ts), Kaluma with its own
// YMODEM upload (kaluma-flash.ts). Everything that can be found wrong is
// found before a byte is written: usage, board, app, budget, port, device,
// firmware version. With --monitor the connection stays open for the
// board's console (flash-monitor.ts, console-session.ts). Host only.

import { ROOT } from "../build/build";
import { boardIds, loadBoard } from "../build/boards";
import type { BoardProfile } from "../build/board-profile";
import { espruinoBoardId } from "../build/espruino-board";
import { bleTarget } from "./ble-port";
import { isUsageError, optionsHelp, parseArgs, parseDuration, usageError } from "./args";
import type { OptionSpec } from "./args";
import { buildAndReport } from "./build";
import { existingApp, knownBoard } from "./usage-checks";
import { EXIT } from "./command";
import type { Command, Io } from "./command";
import { METHODS_VERSION, flashEspruino, versionProblem } from "./espruino-flash";
import { recordFlash } from "./flashed";
import { flashToKaluma, KALUMA_USAGE } from "./kaluma-flash";
import { EspruinoLink } from "./espruino-link";
import { listSerialPorts, noPortMessage } from "./ports";
import type { PortInfo } from "./ports";
import { consoleSession } from "./console-session";
import type { ConsoleInput } from "./console-session";
import { keepProgramOutput } from "./flash-monitor";
import type { NobleStandIn } from "./noble-load";
import { progressBar } from "./progress-bar";
import { fmt } from "./size-line";
import { stackTranslator } from "./stack-translator";
import { openLink } from "./transport";
import type { Link } from "./transport";
import fs = require("fs");

var OPTIONS: OptionSpec[] = [
  { name: "--board", value: "id", help: "the board (boards/<id>.json): " + boardIds(ROOT).join(", ") },
  { name: "--port", value: "port", help: "a serial port (/dev/ttyACM0, COM3; ristretto ports lists them), tcp://HOST:PORT, or a Bluetooth LE device's address (aa:bb:cc:dd:ee:ff) or name (\"Puck.js 1a2b\")" },
  { name: "--save", help: "run the app at boot too (switched over only once the new bundle is verified)" },
  { name: "--baud", value: "N", help: "serial speed (default: the board's, from its profile)" },
  { name: "--timeout", value: "duration", help: "how long the board may take to answer any one step (default 10s)" },
  { name: "--out", value: "dir", help: "where the bundle is written first (default: dist)" },
  { name: "--monitor", help: "stay on the board's console after the upload, from the moment the program starts (as ristretto monitor; Ctrl-] quits)" },
  { name: "--es5", help: "build the bundle without arrow functions and methods, for Espruino before " + METHODS_VERSION },
  { name: "--verbose", help: "print what the espruino tools log" },
  { name: "--help", help: "this text" },
];

var USAGE = [
  "usage: ristretto flash <app> --board <id> --port <port> [--save] [--monitor] [--baud N]   (in a project: npm run flash)",
  "Builds <app> for the board, uploads it with a progress bar and checks it: the bundle's CRC32 computed on the",
  "board must equal the host's. Espruino boards keep it in Storage and run it from there (half the RAM of code typed",
  "into the REPL); without --save it runs until the next reset, with --save it runs at every boot. The program the",
  "board boots is replaced only after the new one is verified: a flash cut short leaves the previous one in place.",
  KALUMA_USAGE,
  "",
  optionsHelp(OPTIONS),
  "",
  "With --monitor the connection stays open after the upload and shows the board's console, as the Espruino IDE",
  "does: nothing the new program prints is lost (on Kaluma, what it prints while the previous program is written",
  "back to boot is). It ends as ristretto monitor does: Ctrl-], or piped input answered.",
  "",
  "Exit code: 0 flashed and running (with --monitor: and the console quit); 1 the build, the port, the board or the",
  "upload failed (one line says which, and what the board runs now); 2 bad usage.",
  "Example: ristretto flash firmware/blink --board espruino-pico --port /dev/ttyACM0 --save",
].join("\n");

var DEFAULT_TIMEOUT = 10000;

/** What flash reaches outside itself; tests give their own. */
export interface FlashDeps {
  listPorts(): Promise<PortInfo[]>;
  /** What the user types, for --monitor (default process.stdin). */
  input?: ConsoleInput;
  /** A stand-in for noble, for Bluetooth LE ports (tests). */
  noble?: NobleStandIn;
}

/** Our id for a board process.env.BOARD names (PICO_R1_3 → espruino-pico). */
function boardFor(espruinoId: string): string | undefined {
  var ids = boardIds(ROOT);
  for (var i = 0; i < ids.length; i++) {
    var p = loadBoard(ids[i], ROOT);
    if (p.runtime === "espruino" && espruinoBoardId(p) === espruinoId) return p.id;
  }
  return undefined;
}

async function flashToEspruino(code: string, board: BoardProfile, port: string, o: Steps, io: Io): Promise<{ what: string; link?: Link }> {
  var link = new EspruinoLink({
    noble: o.noble,
    port: port,
    baud: o.baud,
    board: board,
    espruinoBoard: espruinoBoardId(board),
    timeoutMs: o.timeoutMs,
    onLog: o.verbose
      ? function (line) {
          io.err("espruino: " + line + "\n");
        }
      : undefined,
  });
  var kept = o.monitor ? keepProgramOutput(link, port) : undefined, ok = false;
  try {
    var env = await link.open();
    var want = espruinoBoardId(board), other = env.BOARD !== want ? boardFor(String(env.BOARD)) : undefined;
    if (env.BOARD !== want) throw new Error("The board at " + port + " is a " + env.BOARD + ", not the " + want + " of --board " + board.id + (other ? ": pass --board " + other : ""));
    var old = versionProblem(env, o.es5);
    if (old) throw new Error(old);
    var r = await flashEspruino(link, code, {
      save: o.save,
      progress: progressBar(io, "Uploading"),
      say: function (line) {
        io.out(line + "\n");
      },
      beforeRun: kept && kept.start,
    });
    ok = true;
    var what = (
      fmt(r.bytes) + " bytes in Storage as " + r.file + ", CRC32 0x" + ("0000000" + r.crc.toString(16)).slice(-8) + " checked on the board (" + env.BOARD + ", Espruino " + env.VERSION + "). " +
      (r.saved ? "Running, and at every boot." : "Running until the next reset (--save runs it at boot).")
    );
    return { what: what, link: kept && kept.link() };
  } finally {
    if (!ok || !kept) await link.close();
  }
}

/** How flash goes about it, from the options. */
interface Steps {
  save: boolean;
  /** The bundle was built with --es5. */
  es5: boolean;
  baud: number;
  timeoutMs: number;
  verbose: boolean;
  monitor: boolean;
  noble?: NobleStandIn;
}

export function flashCommand(deps: FlashDeps): Command {
  return {
    run: async function (argv: string[], io: Io): Promise<number> {
      try {
        var a = parseArgs(argv, OPTIONS), o = a.options;
        if (o.help) {
          io.out(USAGE + "\n");
          return EXIT.OK;
        }
        if (!a.positional.length) throw usageError("No app given: expected a firmware folder with main.ts, such as firmware/blink, or a .ts file");
        if (a.positional.length > 1) throw usageError("Expected one app, got " + a.positional.length + ": " + a.positional.join(" "));
        if (!o.board) throw usageError("No --board given: expected one of " + boardIds(ROOT).join(", "));
        knownBoard(o.board as string);
        existingApp(a.positional[0]);
        if (!o.port) throw usageError(await noPortMessage(deps.listPorts));
        var timeoutMs = o.timeout ? parseDuration("--timeout", o.timeout as string) : DEFAULT_TIMEOUT;
        if (o.baud !== undefined && !/^[1-9]\d*$/.test(o.baud as string)) throw usageError("--baud: expected a whole number of bits per second such as 115200, got " + JSON.stringify(o.baud));
      } catch (e) {
        if (!isUsageError(e)) throw e;
        io.err((e as Error).message + "\nRun ristretto flash --help for the options.\n");
        return EXIT.USAGE;
      }
      var app = a.positional[0], port = o.port as string;
      try {
        var board = loadBoard(o.board as string, ROOT);
        if (board.runtime === "sim") throw new Error("The sim board is not a device to flash: run the app on it with ristretto sim " + app);
        var file = await buildAndReport(app, board.id, { outDir: o.out as string | undefined, es5: !!o.es5 }, io);
        if (!file) return EXIT.FAILED;
        var code = fs.readFileSync(file, "utf8"), baud = o.baud ? +o.baud : board.serial.baud || 115200;
        // The port's own errors (missing, busy, refused) are clearer from a plain open than from the tools.
        // A TCP port is tried only after a failure: a bridge such as socat without fork serves one connection.
        var tcp = /^tcp:/i.test(port), ble = bleTarget(port), check = function () {
          return openLink(port, { baud: baud, connectTimeoutMs: timeoutMs }).then(function (l) {
            return l.close();
          });
        };
        if (ble && board.runtime === "kaluma") throw new Error("Kaluma boards are flashed over a serial port, not Bluetooth LE: pass the board's serial port (ristretto ports lists them)");
        if (!tcp && !ble) await check();
        var how: Steps = { save: !!o.save, es5: !!o.es5, baud: baud, timeoutMs: timeoutMs, verbose: !!o.verbose, monitor: !!o.monitor, noble: deps.noble };
        try {
          var done = board.runtime === "kaluma" ? await flashToKaluma(code, board, port, how, io) : await flashToEspruino(code, board, port, how, io);
        } catch (e) {
          if (tcp && /^(Cannot connect to|No answer from|Nothing answers at)/.test(String((e as Error).message))) await check();
          throw e;
        }
      } catch (e) {
        io.err(String((e as Error).message || e) + "\n");
        return EXIT.FAILED;
      }
      recordFlash((o.out as string) || "dist", port, { bundle: file, board: board.id });
      io.out("Flashed " + app + " to " + port + ": " + done.what + "\n");
      if (!done.link) return EXIT.OK;
      io.out("[The console of " + port + ", from the program's start. Ctrl-] quits.]\n");
      return consoleSession(done.link, {
        port: port,
        translate: stackTranslator(file),
        input: deps.input || process.stdin,
        // A Bluetooth LE link that drops ends the console: the tools' transport is not opened again.
        reopen: ble
          ? undefined
          : function () {
              return openLink(port, { baud: baud });
            },
      }, io);
    },
  };
}

export var command: Command = flashCommand({
  listPorts: function () {
    return listSerialPorts();
  },
});
