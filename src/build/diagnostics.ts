// One format for every error a build or a simulation reports:
//   path:line:col: <kind>: message
// where kind says whose rule it is: "syntax error" and "type error" from
// TypeScript, "dialect rule" for what Espruino cannot run (check.ts), "board
// check" for a pin or capability the board lacks (board-check.ts). Paths are
// relative to the current folder, so an editor or terminal can open them.
// Where TypeScript's own hint would send the user the wrong way (turn on
// --downlevelIteration, raise the target), the dialect rule is given instead.
// Host only.

import path = require("path");

export type Kind = "syntax error" | "type error" | "dialect rule" | "board check";

/** `path:line:col`; `file` absolute or relative to the current folder. */
export function location(file: string, line: number, column: number): string {
  return path.relative(process.cwd(), path.resolve(file)) + ":" + line + ":" + column;
}

/** `path:line:col: kind: message`. */
export function diagnostic(file: string, line: number, column: number, kind: Kind, message: string): string {
  return location(file, line, column) + ": " + kind + ": " + message;
}

/** TypeScript diagnostics whose hint misleads on a device: what to say instead, as a dialect rule. */
var DIALECT: { [code: number]: string } = {
  // "Type 'Map<..>' can only be iterated through when using the '--downlevelIteration' flag"
  2802: "for...of over a Map, a Set or an iterator does not run on Espruino: it has no Map, Set or iterators (rule 13); keep the items in an array, or in a plain object and loop over Object.keys(obj)",
  // "Type 'X' is not an array type or a string type. Use compiler option '--downlevelIteration'"
  2569: "for...of over something other than an array or a string does not run on Espruino: it has no iterators (rule 13); loop over an array, or over Object.keys(obj)",
  // "Cannot find name 'Map'. Do you need to change your target library?"
  2583: "this built-in does not exist on Espruino (rules 13 and 16): use a plain object or an array instead",
  2585: "this built-in does not exist on Espruino (rules 13 and 16): use a plain object or an array instead",
};

export interface TsWarning {
  pluginCode?: unknown;
  message: string;
  loc?: { file?: string; line: number; column: number };
}

/** A TypeScript diagnostic (ts-diagnostic.ts) in the one format. */
export function fromTypeScript(w: TsWarning): string {
  var code = +String(w.pluginCode || "").replace(/^TS/, "");
  var text = w.message;
  var kind: Kind = DIALECT[code] ? "dialect rule" : code >= 1000 && code < 2000 ? "syntax error" : "type error";
  var message = DIALECT[code] || text;
  if (!w.loc || !w.loc.file) return kind + ": " + message;
  return diagnostic(w.loc.file, w.loc.line, w.loc.column, kind, message);
}
