// The positions in the stack lines a board prints ("    at f (ristretto.a.js:1:1234)",
// "    at :1:1234" for code typed into Espruino's REPL, Kaluma's
// "  at <anonymous>:1:1234") as TypeScript positions, through the bundle's
// source map, and a misuse error's code with what it means. A position in a
// Storage file is one in the bundle as flashed, pretokenised. For monitor
// and flash --monitor. Host only.

import fs = require("fs");
import path = require("path");
import { ROOT } from "../build/build";
import { pretokenise } from "../build/espruino-tokens";
import type { Tokenised } from "../build/espruino-tokens";
import { expandCodes } from "../sim/runtime/error-codes";
import { bundlePositions, stackFrame } from "../sim/runtime/source-map";
import type { SourcePosition } from "../sim/runtime/source-map";
import { SLOTS } from "./espruino-flash";

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
 * line's bundle position becomes its TypeScript position, and a misuse
 * error's bare code gets what it means (error-codes.ts); every other line
 * stays as it is.
 */
export function stackTranslator(bundle: string | undefined): (line: string) => string {
  var at: (l: number, c: number) => SourcePosition | undefined = bundle ? bundlePositions(bundle, ROOT) : function () {
    return undefined;
  };
  var names = bundle ? bundleNames(bundle) : [], flashed: Tokenised | undefined;
  /** A column of the bundle as flashed (pretokenised, one line) as the bundle's own. */
  function column(c: number): number {
    try {
      flashed = flashed || pretokenise(fs.readFileSync(bundle!, "utf8"));
    } catch (e) {
      return c; // no bundle to read: the position stays, and the map (if any) reads it as the bundle's own
    }
    return flashed.scriptIndex(c - 1) + 1;
  }
  return function (line) {
    var f = stackFrame(line.replace(/\r$/, "")), p = f && names.indexOf(f.name) >= 0 ? at(f.line, SLOTS.indexOf(f.name) >= 0 && f.line === 1 ? column(f.column) : f.column) : undefined;
    return f && p ? line.replace(f.name + ":" + f.line + ":" + f.column, p.where) : expandCodes(line);
  };
}
