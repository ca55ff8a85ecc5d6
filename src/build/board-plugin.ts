// Checks each app module's use of the board (board-check.ts) as TypeScript
// emits it, with errors at the TypeScript line, and folds its optional("NAME")
// calls to the board's pin or undefined (fold-optional.ts). Runs after the
// TypeScript plugin. Host only.

import path = require("path");
import type { Plugin } from "rollup";
import { SourceMapConsumer } from "source-map-js";
import { boardCheck } from "./board-check";
import { everyBoardName } from "./boards";
import { foldOptional } from "./fold-optional";
import { location } from "./diagnostics";
import type { Claim } from "./board-check";
import type { BoardProfile } from "./board-profile";

export function boardPlugin(root: string, profile: BoardProfile): Plugin {
  var src = path.join(root, "src") + path.sep;
  var claims: { [pin: string]: Claim & { file: string } } = {}, known = everyBoardName(root);
  return {
    name: "ristretto-board",
    buildStart: function () {
      claims = {};
    },
    transform: function (code, id) {
      if (id.indexOf(src) === 0 || id.charAt(0) === "\0" || !/\.ts$/.test(id)) return null;
      var r = boardCheck(code, profile), folded = foldOptional(code, profile, known), errors: string[] = [];
      r.findings = r.findings.concat(folded.findings);
      var out = folded.code ? { code: folded.code.toString(), map: folded.code.generateMap({ hires: "boundary" }) } : null;
      if (!r.findings.length && !r.claims.length) return out;
      var map = new SourceMapConsumer(this.getCombinedSourcemap() as any);
      function at(pos: { line: number; column: number }): string {
        var o = map.originalPositionFor(pos);
        return location(id, o.line || pos.line, (o.line ? o.column : pos.column) + 1);
      }
      function where(pos: { line: number; column: number }, message: string): string {
        return at(pos) + ": board check: " + message;
      }
      r.findings.forEach(function (f) {
        errors.push(where(f, f.message));
      });
      r.claims.forEach(function (c) {
        var here = at(c), first = claims[c.pin];
        if (first) errors.push(where(c, "pin " + c.pin + " is claimed twice: " + first.what + " at " + first.file + " and " + c.what + " here; one driver per pin"));
        else claims[c.pin] = { what: c.what, pin: c.pin, line: c.line, column: c.column, file: here };
      });
      if (errors.length) this.error(errors.join("\n"));
      return out;
    },
  };
}
