// The device build's board check (src/build/board-check.ts) and dialect
// check (src/build/check.ts) on an app's own .ts files, without a build:
// `ristretto sim --board pico` refuses LED2 on a board that has none, and a
// regular expression Espruino cannot run, with the line and the message the
// build would give, instead of a green simulation of firmware the device
// refuses. Each file is transpiled alone (no type check) to the ES5 module
// the checks read, and lowered as the build lowers its bundle before its
// dialect check. Host only.

import fs = require("fs");
import path = require("path");
import ts = require("typescript");
import { SourceMapConsumer } from "source-map-js";
import { boardCheck } from "../build/board-check";
import { check } from "../build/check";
import { lower } from "../build/lower";
import { location } from "../build/diagnostics";
import type { BoardProfile } from "../build/board-profile";

/** The app's .ts files: a folder's (with its subfolders), or the one file. */
function sources(app: string): string[] {
  var p = path.resolve(app);
  if (!fs.existsSync(p) || !fs.statSync(p).isDirectory()) return fs.existsSync(p.replace(/\.(ts|js)$/, "") + ".ts") ? [p.replace(/\.(ts|js)$/, "") + ".ts"] : [];
  var out: string[] = [];
  fs.readdirSync(p).forEach(function (f) {
    var file = path.join(p, f);
    if (fs.statSync(file).isDirectory()) out = out.concat(sources(file));
    else if (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)) out.push(file);
  });
  return out;
}

/**
 * The module's ES5 as the one script a bundle makes of it: its import and
 * export statements blanked (the line count kept, for the source map), so
 * the dialect check sees the code and not the module syntax rollup removes.
 */
function asScript(code: string): string {
  return code.replace(/^import .*$/gm, "").replace(/^export \{[^}]*\};?$/gm, "").replace(/^export (default )?/gm, "");
}

/** "firmware/blink-many/main.ts:6:16: board check: LED2 is not a pin of pico (...). Its pins: ..." for each problem, in file order. */
export function appErrors(app: string, profile: BoardProfile): string[] {
  var errors: string[] = [], first: { [pin: string]: string } = {};
  sources(app).forEach(function (file) {
    var out = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES5, importHelpers: true, sourceMap: true },
    });
    // The build checks its bundle after the lowering, which writes what TypeScript's own output needs on Espruino (try regions' array holes become void 0): so does this.
    var lowered = lower(asScript(out.outputText));
    var r = boardCheck(out.outputText, profile), dialect = check(lowered.code);
    if (!r.findings.length && !r.claims.length && !dialect.length) return;
    var map = new SourceMapConsumer(JSON.parse(out.sourceMapText!)), unlowered = new SourceMapConsumer(lowered.map as any);
    function where(pos: { line: number; column: number }): string {
      var o = map.originalPositionFor(pos);
      return location(file, o.line || pos.line, (o.line ? o.column : pos.column) + 1);
    }
    r.findings.forEach(function (f) {
      errors.push(where(f) + ": board check: " + f.message);
    });
    dialect.forEach(function (f) {
      var p = unlowered.originalPositionFor(f);
      errors.push(where(p.line ? { line: p.line, column: p.column } : f) + ": dialect rule: " + f.message);
    });
    r.claims.forEach(function (c) {
      var here = where(c);
      if (first[c.pin]) errors.push(here + ": board check: pin " + c.pin + " is claimed twice: " + first[c.pin] + " and " + c.what + " here; one driver per pin");
      else first[c.pin] = c.what + " at " + here;
    });
  });
  return errors;
}
