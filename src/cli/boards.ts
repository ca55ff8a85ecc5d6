// ristretto boards [--json]: the boards there are profiles for, as the README's
// table (board-table.ts) aligned for a terminal, or as JSON for programs. Host only.

import path = require("path");
import { BOARD_COLUMNS, boardRow } from "../build/board-table";
import type { BoardProfile } from "../build/board-profile";
import { boardIds, loadBoard } from "../build/boards";
import { isUsageError, optionsHelp, parseArgs, usageError } from "./args";
import type { OptionSpec } from "./args";
import { EXIT } from "./command";
import type { Command, Io } from "./command";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/cli

var OPTIONS: OptionSpec[] = [
  { name: "--json", help: "one JSON array of the boards (id, name, runtime, chip, leds, buttons, serial, memory, flash) for programs" },
  { name: "--help", help: "this text" },
];

var USAGE = [
  "usage: ristretto boards [--json]",
  "Lists the boards there are profiles for (boards/<id>.json): the id that --board takes, the runtime, the LEDs and",
  "buttons firmware can import from ristretto/board, and the budget the build checks a bundle against.",
  "",
  optionsHelp(OPTIONS),
].join("\n");

/** What --json gives for a board: the profile without its pin map (boards/<id>.json has it). */
export interface BoardSummary {
  id: string;
  name: string;
  runtime: string;
  chip: string;
  /** LED names and the pin each is on. */
  leds: { [name: string]: string };
  buttons: string[];
  serial: BoardProfile["serial"];
  memory: BoardProfile["memory"];
  flash: BoardProfile["flash"];
}

export function boardSummary(p: BoardProfile): BoardSummary {
  return { id: p.id, name: p.name, runtime: p.runtime, chip: p.chip, leds: p.leds, buttons: Object.keys(p.buttons), serial: p.serial, memory: p.memory, flash: p.flash };
}

/** The rows padded to their column's width, two spaces apart. */
export function alignRows(rows: string[][]): string {
  var widths = rows[0].map(function (_c, i) {
    return Math.max.apply(
      Math,
      rows.map(function (r) {
        return r[i].length;
      }),
    );
  });
  return rows
    .map(function (r) {
      return r
        .map(function (c, i) {
          return i === r.length - 1 ? c : c + new Array(widths[i] - c.length + 1).join(" ");
        })
        .join("  ");
    })
    .join("\n");
}

function profiles(): BoardProfile[] {
  return boardIds(ROOT).map(function (id) {
    return loadBoard(id, ROOT);
  });
}

async function main(argv: string[], io: Io): Promise<number> {
  try {
    var a = parseArgs(argv, OPTIONS);
    if (a.options.help) {
      io.out(USAGE + "\n");
      return EXIT.OK;
    }
    if (a.positional.length) throw usageError("ristretto boards takes no arguments, got " + a.positional.join(" "));
  } catch (e) {
    if (!isUsageError(e)) throw e;
    io.err((e as Error).message + "\nRun ristretto boards --help for the options.\n");
    return EXIT.USAGE;
  }
  var ps = profiles();
  if (a.options.json) {
    io.out(JSON.stringify(ps.map(boardSummary), null, 2) + "\n");
    return EXIT.OK;
  }
  var dir = path.relative(process.cwd(), path.join(ROOT, "boards")).split(path.sep).join("/") || ".";
  io.out(alignRows([BOARD_COLUMNS].concat(ps.map(boardRow))) + "\n" + ps.length + " boards; each one's pins are in " + dir + "/<id>.json. Build for one with --board <id>.\n");
  return EXIT.OK;
}

export var command: Command = { run: main };
