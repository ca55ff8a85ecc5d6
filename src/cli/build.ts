// ristretto build <app> --board <id>[,<id>...] (or npm run build -- ...): writes
// dist/<app>.<board>.js and its source map for each board, and prints the size line (size-line.ts).
// A bundle over the board's budget fails, naming the source files that take
// the most of it. Host only.

import fs = require("fs");
import path = require("path");
import { ROOT, build, warmUp } from "../build/build";
import { boardIds, loadBoard } from "../build/boards";
import { isUsageError, optionsHelp, parseArgs, usageError } from "./args";
import type { OptionSpec } from "./args";
import { existingApp, knownBoard } from "./usage-checks";
import { EXIT, processIo } from "./command";
import type { Command, Io } from "./command";
import { contributors, fmt, sizeVerdict } from "./size-line";
import { watchApp } from "./watch";

var OPTIONS: OptionSpec[] = [
  { name: "--board", value: "id", help: "the board to build for (boards/<id>.json), or several, comma-separated: " + boardIds(ROOT).join(", ") },
  { name: "--out", value: "dir", help: "where to write the bundle and its source map (default: dist)" },
  { name: "--no-minify", help: "keep the bundle readable (still lowered and checked)" },
  { name: "--es5", help: "no arrow functions or methods in the minified bundle, for an interpreter without them (Espruino before 2v14 or built with SAVE_ON_FLASH, Duktape, mujs)" },
  { name: "--watch", help: "build again each time a .ts file of the app is saved (until Ctrl-C)" },
  { name: "--help", help: "this text" },
];

var USAGE = [
  "usage: ristretto build <app> --board <id> [--out <dir>] [--no-minify] [--es5]   (here also: npm run build -- <app> ...)",
  "Builds <app> (a firmware folder with main.ts, such as firmware/blink, or a .ts file) into one script for the board:",
  "<out>/<app>.<board>.js and its source map. Then a line with its size: bytes, the Espruino variables its code takes",
  "when held in RAM (about 12 bytes each) and the share of the board's budget (Kaluma boards: of their code flash).",
  "With several boards it builds (and type-checks) the app for each in turn, and fails if any build fails.",
  "With --watch it builds again each time a .ts file in the app's folder is saved, until stopped.",
  "",
  optionsHelp(OPTIONS),
  "",
  "Exit code: 0 built; 1 the build failed (a type error, a construct the board cannot run, an unknown board),",
  "or the bundle is over the board's budget (the largest source files are named); 2 bad usage.",
  "Example: ristretto build firmware/blink-many --board puckjs; ristretto build firmware/led-walk --board puckjs,pico",
].join("\n");

/** How many source files an over-budget message names. */
var CONTRIBUTORS = 6;

function overBudget(file: string, over: string[], io: Io): void {
  var code = fs.readFileSync(file, "utf8"), map = JSON.parse(fs.readFileSync(file + ".map", "utf8"));
  var list = contributors(code, map, path.dirname(file), ROOT).slice(0, CONTRIBUTORS), w = 0;
  list.forEach(function (c) {
    w = Math.max(w, c.file.length);
  });
  io.err(
    "Over budget: " + over.join("; and ") + ". The largest contributors:\n" +
      list
        .map(function (c) {
          return "  " + c.file + new Array(w - c.file.length + 3).join(" ") + fmt(c.bytes) + " bytes";
        })
        .join("\n") +
      "\n",
  );
}

export async function main(argv: string[], io?: Io): Promise<number> {
  var out = io || processIo();
  try {
    var a = parseArgs(argv, OPTIONS), o = a.options;
    if (o.help) {
      out.out(USAGE + "\n");
      return EXIT.OK;
    }
    if (!a.positional.length) throw usageError("No app given: expected a firmware folder with main.ts, such as firmware/blink, or a .ts file");
    if (a.positional.length > 1) throw usageError("Expected one app, got " + a.positional.length + ": " + a.positional.join(" "));
    if (!o.board) throw usageError("No --board given: expected one of " + boardIds(ROOT).join(", "));
    var boards = String(o.board).split(",").map(knownBoard);
    existingApp(a.positional[0]);
  } catch (e) {
    if (!isUsageError(e)) throw e;
    out.err((e as Error).message + "\nRun ristretto build --help for the options.\n");
    return EXIT.USAGE;
  }
  var app = a.positional[0], options = { outDir: (o.out as string) || "dist", minify: !o["no-minify"], es5: !!o.es5 };
  async function buildAll(): Promise<number> {
    var failed = false;
    for (var i = 0; i < boards.length; i++) if (!(await buildAndReport(app, boards[i], options, out))) failed = true;
    return failed ? EXIT.FAILED : EXIT.OK;
  }
  function warm(): Promise<void> {
    return warmUp({ app: app, board: boards[0], minify: options.minify, es5: options.es5 });
  }
  return o.watch ? watchApp(app, buildAll, out, warm) : buildAll();
}

/**
 * Builds `app` for `board` into outDir (default dist/ in the current folder,
 * beside the project being built) and prints the size line. Gives the
 * bundle's path, or undefined when the build failed or is over budget (the
 * reason printed).
 */
export async function buildAndReport(app: string, board: string, options: { outDir?: string; minify?: boolean; es5?: boolean }, out: Io): Promise<string | undefined> {
  var outDir = options.outDir || "dist";
  try {
    var r = await build({ app: app, board: board, minify: options.minify !== false, es5: options.es5, outDir: path.resolve(outDir) });
  } catch (e) {
    out.err(String((e as Error).message || e) + "\n");
    return undefined;
  }
  var file = path.join(outDir, r.file), verdict = sizeVerdict(file, fs.readFileSync(file, "utf8"), loadBoard(board, ROOT));
  out.out(verdict.line + "\n");
  if (!verdict.over.length) return file;
  overBudget(file, verdict.over, out);
  return undefined;
}

export var command: Command = { run: main };

if (require.main === module) {
  main(process.argv.slice(2)).then(function (code) {
    process.exitCode = code;
  });
}
