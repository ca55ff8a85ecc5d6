// The build's size line, the budget check, and who the bytes belong to.
// Host only.

import path = require("path");
import { SourceMapConsumer } from "source-map-js";
import type { RawSourceMap } from "source-map-js";
import type { BoardProfile } from "../build/board-profile";

/**
 * Bytes of program text per Espruino variable, for code typed into the REPL
 * (held in RAM as strings): espruino-dialect.md's Memory table has a closure
 * cost 5 more variables of 27 bytes for 110 more characters of body on the
 * Linux build, about 22 characters per 27-byte variable, the rest being the
 * block's header and link. Boards use 16-byte variables, so about 12
 * characters each (board-profile.ts says 12-16). Code loaded from Storage
 * (the flash command's default) costs far less, since the text stays in flash
 * (the same table: 144 variables instead of 278): this estimate is the upper
 * bound, and the one that must fit for any way of loading the program.
 */
export var CODE_BYTES_PER_VARIABLE = 12;

/** Variables the program text itself takes with the code in RAM (the objects it makes as it runs come on top). */
export function codeVariables(bytes: number): number {
  return Math.ceil(bytes / CODE_BYTES_PER_VARIABLE);
}

export function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function kb(bytes: number): string {
  return bytes >= 1048576 ? bytes / 1048576 + " MB" : Math.round(bytes / 1024) + " KB";
}

export interface SizeVerdict {
  /** "dist/blink.espruino-pico.js  9,757 bytes, about 814 variables: 16% of espruino-pico's 5,100" */
  line: string;
  /** What does not fit, one sentence each; empty when the bundle fits. */
  over: string[];
}

/**
 * The size line of a bundle of `bytes` for board `p`, and what is over its
 * budget. Boards with Espruino's variables (espruino, sim) are measured in
 * variables and their Storage; the others (Kaluma keeps the program in its
 * flash) in code flash.
 */
export function sizeVerdict(file: string, bytes: number, p: BoardProfile): SizeVerdict {
  var over: string[] = [], line = file + "  " + fmt(bytes) + " bytes";
  var flash = p.id + "'s flash for code holds " + kb(p.flash.codeBytes) + " (" + fmt(p.flash.codeBytes) + " bytes) and the bundle is " + fmt(bytes) + " bytes";
  if (p.memory.variables) {
    var vars = codeVariables(bytes);
    line += ", about " + fmt(vars) + " variables: " + Math.round((100 * vars) / p.memory.variables) + "% of " + p.id + "'s " + fmt(p.memory.variables);
    if (vars > p.memory.variables) {
      over.push(
        "the code alone needs about " + fmt(vars) + " variables and " + p.id + " has " + fmt(p.memory.variables) + " (code in RAM, about " + CODE_BYTES_PER_VARIABLE + " bytes of code per variable)",
      );
    }
    if (bytes > p.flash.codeBytes) over.push(flash);
  } else {
    line += ": " + Math.round((100 * bytes) / p.flash.codeBytes) + "% of " + p.id + "'s " + kb(p.flash.codeBytes) + " of code flash";
    if (bytes > p.flash.codeBytes) over.push(flash);
  }
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
