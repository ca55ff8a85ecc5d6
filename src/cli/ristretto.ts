// ristretto <command> [args]: the command line (bin/ristretto.js runs it).
// A command is one file in src/cli/ exporting `command` (command.ts); to add
// one, add its line to COMMANDS. A command's module loads only when it runs
// (the build pulls in rollup). Exit codes: 0 done, 1 failed, 2 bad usage.
// Host only.

import fs = require("fs");
import path = require("path");
import { setV8Flags } from "../build/code-cache";
import { EXIT, processIo } from "./command";
import type { Command, Io } from "./command";

interface Entry {
  name: string;
  summary: string;
  load(): Command;
}

var COMMANDS: Entry[] = [
  {
    name: "sim",
    summary: "runs an app on a simulated board, showing its LEDs live",
    load: function () {
      return (require("./sim") as typeof import("./sim")).command;
    },
  },
  {
    name: "build",
    summary: "builds an app for a board (dist/<app>.<board>.js) and prints its size",
    load: function () {
      return (require("./build") as typeof import("./build")).command;
    },
  },
  {
    name: "flash",
    summary: "builds an app, uploads it to a board (serial or tcp://), checks it and runs it; --save: at boot too",
    load: function () {
      return (require("./flash") as typeof import("./flash")).command;
    },
  },
  {
    name: "monitor",
    summary: "the board's console: what it prints (errors at their TypeScript lines) and what you type; Ctrl-] quits",
    load: function () {
      return (require("./monitor") as typeof import("./monitor")).command;
    },
  },
  {
    name: "boards",
    summary: "lists the boards: id, runtime, LEDs, buttons, memory budget (--json for programs)",
    load: function () {
      return (require("./boards") as typeof import("./boards")).command;
    },
  },
  {
    name: "ports",
    summary: "lists the serial ports found, and with --scan the Bluetooth LE boards in range, to pass as --port",
    load: function () {
      return (require("./ports") as typeof import("./ports")).command;
    },
  },
  {
    name: "new",
    summary: "makes a firmware project: a blinking LED, its test, a README",
    load: function () {
      return (require("./new") as typeof import("./new")).command;
    },
  },
];

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/cli

function usage(): string {
  var w = Math.max.apply(
    Math,
    COMMANDS.map(function (c) {
      return c.name.length;
    }),
  );
  return [
    "usage: ristretto <command> [args]     (ristretto <command> --help for its options)",
    "",
    "Commands:",
  ]
    .concat(
      COMMANDS.map(function (c) {
        return "  " + c.name + new Array(w - c.name.length + 3).join(" ") + c.summary;
      }),
    )
    .join("\n");
}

function find(name: string): Entry | undefined {
  for (var i = 0; i < COMMANDS.length; i++) if (COMMANDS[i].name === name) return COMMANDS[i];
  return undefined;
}

/** Runs `ristretto <argv>`; resolves to the exit code. */
export async function main(argv: string[], io?: Io): Promise<number> {
  var out = io || processIo(), name = argv[0], rest = argv.slice(1);
  if (name === "--help" || name === "-h") {
    out.out(usage() + "\n");
    return EXIT.OK;
  }
  if (name === "--version") {
    out.out(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version + "\n");
    return EXIT.OK;
  }
  if (name === "help" && rest.length) {
    name = rest[0];
    rest = ["--help"];
  }
  var entry = name ? find(name) : undefined;
  if (!entry) {
    out.err((name ? 'Unknown command "' + name + '".\n' : "No command given.\n") + usage() + "\n");
    return EXIT.USAGE;
  }
  try {
    return await entry.load().run(rest, out);
  } catch (e) {
    out.err("ristretto " + entry.name + " failed: " + String((e as Error).stack || e) + "\n");
    return EXIT.FAILED;
  }
}

/**
 * Whether `argv` builds once and ends: flash, or build for one board without
 * --watch. Such a process runs its code a few times at most, and V8's
 * optimizing compiler then costs more than it saves, competing for the cores
 * with the type check's thread (blink-many after an edit, on 2 cores: 0.97 s
 * with it, 0.87 s without). Builds for several boards gain from it (six: 2.5
 * s with it, 3.2 s without), and so does --watch.
 */
function buildsOnce(argv: string[]): boolean {
  if (argv[0] === "flash") return true;
  var board = argv.indexOf("--board"), boards = board > 0 ? argv[board + 1] || "" : (argv.filter((a) => a.indexOf("--board=") === 0)[0] || "").slice(8);
  return argv[0] === "build" && argv.indexOf("--watch") < 0 && boards.indexOf(",") < 0;
}

/** `ristretto <argv>` as the process's own command (bin/ristretto.js): without V8's optimizing compiler when it builds once. */
export function runProcess(argv: string[]): Promise<number> {
  if (buildsOnce(argv)) setV8Flags("--no-opt");
  return main(argv);
}

if (require.main === module) {
  runProcess(process.argv.slice(2)).then(function (code) {
    process.exitCode = code;
  });
}
