// ristretto new <dir> [--board id] [--link]: a firmware project that builds and
// tests at once: templates/new/ with the board, its LED and this checkout's
// path filled in. ristretto is not published, so the project depends on this
// checkout by a `file:` path. --link makes node_modules from this checkout's
// own packages instead of npm install (offline; the tests use it). Host only.

import fs = require("fs");
import path = require("path");
import { boardIds, loadBoard } from "../build/boards";
import type { BoardProfile } from "../build/board-profile";
import { isUsageError, optionsHelp, parseArgs, usageError } from "./args";
import type { OptionSpec } from "./args";
import { knownBoard } from "./usage-checks";
import { EXIT } from "./command";
import type { Command, Io } from "./command";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/cli
var TEMPLATE = path.join(ROOT, "templates/new");
var DEFAULT_BOARD = "espruino-pico";

/** The project's packages besides ristretto; their versions are this checkout's. */
var TOOLS = ["typescript", "mocha", "@types/mocha", "@types/node"];
/** The commands of node_modules/.bin that the project's scripts run: [name, its file inside node_modules]. */
var BINS = [
  ["ristretto", "ristretto/bin/ristretto.js"],
  ["tsc", "typescript/bin/tsc"],
  ["mocha", "mocha/bin/mocha.js"],
];

var OPTIONS: OptionSpec[] = [
  { name: "--board", value: "id", help: "the board (default " + DEFAULT_BOARD + "), one with an LED: " + ledBoards().join(", ") },
  { name: "--link", help: "make node_modules link to this checkout's packages (ristretto, typescript, mocha) instead of npm install: works offline" },
  { name: "--help", help: "this text" },
];

var USAGE = [
  "usage: ristretto new <dir> [--board <id>] [--link]",
  "Makes a firmware project in <dir> (a new or empty folder): firmware/blink/main.ts blinking the board's LED,",
  "test/blink.test.ts checking it on the simulated board, a README, and the scripts npm test, npm run sim,",
  "npm run build and npm run flash. It depends on this ristretto checkout by a file: path (ristretto is not",
  "published). Then: cd <dir> && npm install && npm test.",
  "",
  optionsHelp(OPTIONS),
  "",
  "Exit code: 0 made; 1 it could not be written; 2 bad usage (a folder that is not empty, an unknown board, a board without an LED).",
].join("\n");

function ledBoards(): string[] {
  return boardIds(ROOT).filter(function (id) {
    return Object.keys(loadBoard(id, ROOT).leds).length > 0;
  });
}

/** The board for the project; an unknown one or one without an LED is a usage error naming the boards that would do. */
function checkBoard(id: string): BoardProfile {
  var p = loadBoard(knownBoard(id), ROOT);
  if (!Object.keys(p.leds).length) throw usageError("--board: " + id + " (" + p.name + ") has no LED for the blinking example. Boards with one: " + ledBoards().join(", "));
  return p;
}

function checkDir(dir: string): void {
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw usageError('"' + dir + '" is a file: give a new or empty folder for the project');
  var names = fs.readdirSync(dir);
  if (names.length) {
    var shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ", ..." : "");
    throw usageError('The folder "' + dir + '" is not empty (it holds ' + shown + "): give a new or empty folder, so that nothing is overwritten");
  }
}

/** An npm package name from the folder's name: "My Lamp" gives "my-lamp". */
export function packageName(dir: string): string {
  var name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name || "firmware";
}

/** Every file of the template, relative to it ("firmware/blink/main.ts"). */
function templateFiles(dir: string, prefix: string): string[] {
  var out: string[] = [];
  fs.readdirSync(dir, { withFileTypes: true }).forEach(function (e) {
    var rel = prefix ? prefix + "/" + e.name : e.name;
    if (e.isDirectory()) out = out.concat(templateFiles(path.join(dir, e.name), rel));
    else out.push(rel);
  });
  return out.sort();
}

/** The template's text with {{name}} and {{version <package>}} filled in; an unknown one is a bug in the template. */
export function fill(text: string, values: { [name: string]: string }, file: string): string {
  var versions = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).devDependencies;
  return text.replace(/\{\{(version )?([^{}]+)\}\}/g, function (all: string, version: string, key: string) {
    var v = version ? versions[key] : values[key];
    if (v === undefined) throw new Error("templates/new/" + file + ": " + all + " has no value (known: " + Object.keys(values).join(", ") + ", version <a devDependency>)");
    return v;
  });
}

/** Links `link` to the folder `target` (a junction on Windows, which needs no privilege). */
function linkDir(target: string, link: string): void {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(target, link, process.platform === "win32" ? "junction" : "dir");
}

/** node_modules as npm install would make it, from this checkout's packages. */
function linkModules(dir: string): void {
  var nm = path.join(dir, "node_modules");
  linkDir(ROOT, path.join(nm, "ristretto"));
  TOOLS.forEach(function (p) {
    var have = path.join(ROOT, "node_modules", p);
    if (!fs.existsSync(have)) throw new Error("--link: this checkout has no node_modules/" + p + ": run npm install in " + ROOT + " first");
    linkDir(fs.realpathSync(have), path.join(nm, p));
  });
  fs.mkdirSync(path.join(nm, ".bin"));
  BINS.forEach(function (b) {
    var bin = path.join(nm, ".bin", b[0]);
    if (process.platform === "win32") fs.writeFileSync(bin + ".cmd", '@node "%~dp0\\..\\' + b[1].split("/").join("\\") + '" %*\r\n');
    else fs.symlinkSync("../" + b[1], bin);
  });
}

async function main(argv: string[], io: Io): Promise<number> {
  try {
    var a = parseArgs(argv, OPTIONS);
    if (a.options.help) {
      io.out(USAGE + "\n");
      return EXIT.OK;
    }
    if (!a.positional.length) throw usageError("No folder given: expected where to make the project, such as ristretto new ../blinky --board " + DEFAULT_BOARD);
    if (a.positional.length > 1) throw usageError("Expected one folder, got " + a.positional.length + ": " + a.positional.join(" "));
    var dir = a.positional[0], board = checkBoard((a.options.board as string) || DEFAULT_BOARD);
    checkDir(dir);
  } catch (e) {
    if (!isUsageError(e)) throw e;
    io.err((e as Error).message + "\nRun ristretto new --help for the options.\n");
    return EXIT.USAGE;
  }
  var abs = path.resolve(dir), ristretto = path.relative(abs, ROOT).split(path.sep).join("/") || ".";
  var values = { name: packageName(dir), board: board.id, boardName: board.name, led: Object.keys(board.leds)[0], ristretto: ristretto };
  var files = templateFiles(TEMPLATE, "");
  try {
    files.forEach(function (f) {
      var out = path.join(abs, f.replace(/(^|\/)gitignore$/, "$1.gitignore")); // npm would drop a .gitignore from a package
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, fill(fs.readFileSync(path.join(TEMPLATE, f), "utf8"), values, f));
    });
    if (a.options.link) linkModules(abs);
  } catch (e) {
    io.err("Cannot make the project in " + dir + ": " + (e as Error).message + "\n");
    return EXIT.FAILED;
  }
  var cd = /[^\w@%+=:,./-]/.test(dir) ? JSON.stringify(dir) : dir; // quoted for the shell when it must be
  io.out(
    [
      "Made " + dir + " for " + board.id + " (" + board.name + "): firmware/blink/main.ts blinks " + values.led + ", test/blink.test.ts checks it, README.md says the rest.",
      a.options.link ? "Its node_modules link to this checkout's packages (no npm install needed)." : "It takes ristretto from this checkout (file:" + ristretto + "); npm install links it and fetches TypeScript and mocha.",
      "Next:",
      "  cd " + cd,
    ]
      .concat(a.options.link ? [] : ["  npm install"])
      .concat(["  npm test        # the blink test, in virtual time", "  npm run sim     # " + values.led + " live in the terminal", "  npm run build   # dist/blink." + board.id + ".js, to flash"])
      .join("\n") + "\n",
  );
  return EXIT.OK;
}

export var command: Command = { run: main };
