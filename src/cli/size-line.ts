// The build's size line, the budget check, and who the bytes belong to.
// Host only.

import acorn = require("acorn");
import path = require("path");
import { SourceMapConsumer } from "source-map-js";
import type { RawSourceMap } from "source-map-js";
import type { BoardProfile } from "../build/board-profile";
import { pretokenise } from "../build/espruino-tokens";

/**
 * Bytes of one Espruino variable (JsVar) on board `p`: Espruino's
 * scripts/build_platform_config.py gives a board of fewer than 1,023
 * variables 12-byte ones and the others 16; its Linux build (64-bit) has 27
 * (process.memory().blocksize on 2v29).
 */
export function variableBytes(p: BoardProfile): number {
  return p.chip === "LINUX" ? 27 : p.memory.variables! < 1023 ? 12 : 16;
}

/** What a program holds running whatever its text: its loop, the loop's platform timer, its main task. */
var RUNNING = 60;
/** Per function outside any other, beyond its text. */
var PER_FUNCTION = 4;
/** Per variable's bytes of text, as Espruino keeps it. */
var PER_TEXT = 1.9;

/**
 * Variables a program holds once loaded and running, with its code in RAM
 * (typed into the REPL, or run from a file), estimated from its minified
 * text: 60, 4 per function outside any other (a method of an object's
 * literal is one), and 1.9 per variable's bytes of the text as Espruino
 * keeps it. An Espruino bundle sets pretokenise first
 * (espruino-flags-plugin.ts), so Espruino keeps each function's text
 * tokenised, as `ristretto flash` writes it (espruino-tokens.ts: a reserved
 * word or an operator one byte, no spaces, no comments). What Espruino's
 * Linux build measures: a function of no parameters and no code costs 1
 * variable, one more a parameter, and its code one more a variable's bytes
 * (27 there); a string alone takes one variable per 0.74 of a variable's
 * bytes (1,000 characters take 50 variables of 27 bytes). A function inside
 * another exists only while its parent runs, and costs the parent's text
 * only, and its own again each time it is made (Espruino copies a
 * function's text from RAM into each function object): so text costs more
 * than a string's, as much of it is copied again at run time.
 * The three figures are fitted to the examples, which also hold what their
 * running tasks keep (the fit keeps the largest error of any example
 * least). They are refitted when a change to the bundles moves an example
 * out of ±20% (docs/lean-core-history.md says when).
 * npm run bench:espruino's load probe holds the examples to it: within 20% of
 * what each measured on the Linux build (README). From Storage, as `ristretto
 * flash` loads it, the text stays in flash and the program costs about a
 * third less.
 */
export function estimateVariables(code: string, p: BoardProfile): number {
  return Math.ceil(RUNNING + PER_FUNCTION * outerFunctions(code) + (PER_TEXT * pretokenise(code).code.length) / variableBytes(p));
}

/** Functions in the text outside any other, of every form: `function`, arrows and methods (the build's shorthand.ts makes the last two). */
function outerFunctions(code: string): number {
  var n = 0;
  try {
    (function visit(x: acorn.Node & { [key: string]: any }) {
      if (/Function/.test(x.type)) return void n++;
      Object.keys(x).forEach(function (k) {
        var v = x[k];
        if (v && typeof v === "object") (Array.isArray(v) ? v : [v]).forEach((c) => c && typeof c.type === "string" && visit(c));
      });
    })(acorn.parse(code, { ecmaVersion: 2020 }));
  } catch (e) {
    n = (code.match(/\bfunction\b|=>/g) || []).length; // not a script acorn reads: the keywords and arrows at least
  }
  return n;
}

export function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function kb(bytes: number): string {
  return bytes >= 1048576 ? bytes / 1048576 + " MB" : Math.round(bytes / 1024) + " KB";
}

export interface SizeVerdict {
  /** "dist/blink.espruino-pico.js  2,254 bytes (1,709 as flashed, pretokenised), about 352 variables: 7% of espruino-pico's 5,100" */
  line: string;
  /** What does not fit, one sentence each; empty when the bundle fits. */
  over: string[];
}

/**
 * The size line of bundle `code` for board `p`, and what is over its
 * budget. Boards with Espruino's variables (espruino, sim) are measured in
 * variables and their Storage, where `ristretto flash` writes an Espruino
 * board's bundle pretokenised (espruino-tokens.ts); the others (Kaluma keeps
 * the program in its flash) in code flash.
 */
export function sizeVerdict(file: string, code: string, p: BoardProfile): SizeVerdict {
  var bytes = Buffer.byteLength(code), over: string[] = [], line = file + "  " + fmt(bytes) + " bytes";
  var stored = p.runtime === "espruino" ? pretokenise(code).code.length : bytes;
  if (stored !== bytes) line += " (" + fmt(stored) + " as flashed, pretokenised)";
  var flash = p.id + "'s flash for code holds " + kb(p.flash.codeBytes) + " (" + fmt(p.flash.codeBytes) + " bytes) and the bundle is " + fmt(stored) + " bytes";
  if (p.memory.variables) {
    var vars = estimateVariables(code, p);
    line += ", about " + fmt(vars) + " variables: " + Math.round((100 * vars) / p.memory.variables) + "% of " + p.id + "'s " + fmt(p.memory.variables);
    if (vars > p.memory.variables) {
      over.push(
        "the program needs about " + fmt(vars) + " variables once loaded and " + p.id + " has " + fmt(p.memory.variables) + " (code in RAM; from Storage about a third less)",
      );
    }
  } else line += ": " + Math.round((100 * bytes) / p.flash.codeBytes) + "% of " + p.id + "'s " + kb(p.flash.codeBytes) + " of code flash";
  if (stored > p.flash.codeBytes) over.push(flash);
  return { line: line, over: over };
}

/** A source file's share of the bundle. */
export interface Contributor {
  /** The source file, as sourceName() names it; "(bundle wrapper)" for code no source maps to. */
  file: string;
  bytes: number;
}

/** "src/core/task.ts" inside the current folder, "ristretto/src/core/task.ts" inside the framework, else the full path. */
export function sourceName(file: string, root: string): string {
  var inCwd = path.relative(process.cwd(), file), inRoot = path.relative(root, file);
  if (inCwd.indexOf("..") !== 0 && !path.isAbsolute(inCwd)) return inCwd.split(path.sep).join("/");
  if (inRoot.indexOf("..") !== 0 && !path.isAbsolute(inRoot)) return "ristretto/" + inRoot.split(path.sep).join("/");
  return file;
}

/**
 * The bytes of the final (minified, lowered) bundle by original source file,
 * largest first: each stretch of generated code from one mapping to the next
 * belongs to the source of the first. `mapDir` is the map's folder, which its
 * source paths are relative to.
 */
export function contributors(code: string, map: RawSourceMap, mapDir: string, root: string): Contributor[] {
  var lines = code.split("\n"), bytes: { [file: string]: number } = {}, marks: { line: number; col: number; source: string | null }[] = [];
  new SourceMapConsumer(map).eachMapping(function (m) {
    marks.push({ line: m.generatedLine - 1, col: m.generatedColumn, source: m.source });
  });
  marks.sort(function (a, b) {
    return a.line - b.line || a.col - b.col;
  });
  function add(source: string | null, text: string): void {
    var name = source === null ? "(bundle wrapper)" : sourceName(path.resolve(mapDir, source), root);
    bytes[name] = (bytes[name] || 0) + Buffer.byteLength(text);
  }
  var at = { line: 0, col: 0, source: null as string | null };
  marks.concat([{ line: lines.length - 1, col: lines[lines.length - 1].length, source: null }]).forEach(function (m) {
    for (; at.line < m.line; at.line++, at.col = 0, at.source = null) add(at.source, lines[at.line].slice(at.col) + "\n");
    add(at.source, lines[at.line].slice(at.col, m.col));
    at.col = m.col;
    at.source = m.source;
  });
  return Object.keys(bytes)
    .map(function (f) {
      return { file: f, bytes: bytes[f] };
    })
    .filter(function (c) {
      return c.bytes > 0;
    })
    .sort(function (a, b) {
      return b.bytes - a.bytes || (a.file < b.file ? -1 : 1);
    });
}
