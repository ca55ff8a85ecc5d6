// ristretto build <app> --board <id> [--no-minify] (or npm run build -- ...):
// writes dist/<app>.<board>.js and its source map, and prints the size. Host only.

import path = require("path");
import { ROOT, build } from "../build/build";
import { boardIds } from "../build/boards";
import type { Command } from "./command";

var USAGE = [
  "usage: ristretto build <app> --board <id> [--no-minify] [--out <dir>]   (or: npm run build -- <app> ...)",
  "  <app>        a firmware folder with main.ts (firmware/talk) or a .ts file",
  "  --board id   the board to build for (boards/<id>.json): " + boardIds(ROOT).join(", "),
  "  --no-minify  keep the bundle readable (still lowered and checked)",
  "  --out dir    where to write (default: dist)",
].join("\n");

function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export async function main(argv: string[]): Promise<number> {
  var app = "", board = "", minify = true, out: string | undefined, i: number;
  for (i = 0; i < argv.length; i++) {
    var a = argv[i];
    if (a === "--help" || a === "-h") {
      console.log(USAGE);
      return 0;
    } else if (a === "--board") board = argv[++i] || "";
    else if (a === "--no-minify") minify = false;
    else if (a === "--out") out = argv[++i];
    else if (a.charAt(0) === "-") {
      console.error("Unknown option " + a + "\n" + USAGE);
      return 2;
    } else app = a;
  }
  if (!app || !board) {
    console.error((app ? "No --board given." : "No app given.") + "\n" + USAGE);
    return 2;
  }
  try {
    var r = await build({ app: app, board: board, minify: minify, outDir: out });
    console.log(
      path.join(out || "dist", r.file) + "  " + fmt(r.bytes) + " bytes (scheduler " + fmt(r.schedulerBytes) + " bytes, " + Math.round((100 * r.schedulerBytes) / r.bytes) + "%)",
    );
    return 0;
  } catch (e) {
    console.error(String((e as Error).message || e));
    return 1;
  }
}

/** `ristretto build`: prints with console.log, as `npm run build` does. */
export var command: Command = {
  run: function (argv) {
    return main(argv);
  },
};

if (require.main === module) {
  main(process.argv.slice(2)).then(function (code) {
    process.exitCode = code;
  });
}
