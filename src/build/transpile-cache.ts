// One module's TypeScript → ES5 (ts.transpileModule: no program, no type
// information; the type check is type-check.ts's), cached by what decides
// its output: the file's path (its source map names it) and text, the
// project's tsconfig.json (emitOptions of ts-options.ts adds fixed
// settings), and TypeScript's version. In memory for the process (--watch,
// several boards, the tests' many builds), and on disk in
// <root>/.build/transpile-cache across processes, so a build after an edit
// of the app transpiles only the app's changed files. `npm run compile`
// empties .build. Looking up loads no TypeScript: a build whose modules are
// all cached never loads it on this thread. Host only.

import crypto = require("crypto");
import fs = require("fs");
import path = require("path");
import { cachePackages } from "./code-cache";

export interface Transpiled {
  code: string;
  /** The source map, as JSON text. */
  map: string;
}

var memory: { [key: string]: Transpiled } = {};
var settings: { [root: string]: string } = {};

/** Told of each file TypeScript itself compiles (a miss of both caches): for tests. */
export var observe = { compiled: function (_file: string): void {} };

/** What decides the settings: TypeScript's version and the project's tsconfig.json, read once a process. */
function settingsOf(root: string): string {
  if (settings[root] === undefined) {
    var version = (require("typescript/package.json") as { version: string }).version;
    settings[root] = version + "\0" + fs.readFileSync(path.join(root, "tsconfig.json"), "utf8");
  }
  return settings[root];
}

function keyOf(root: string, file: string, text: string): string {
  return crypto.createHash("sha256").update(settingsOf(root)).update("\0" + file + "\0").update(text).digest("hex").slice(0, 32);
}

function diskFile(root: string, key: string): string {
  return path.join(root, ".build/transpile-cache", key + ".json");
}

/** Written to a temporary name and renamed, so a parallel build never reads half an entry. */
function toDisk(file: string, t: Transpiled): void {
  var tmp = file + "." + process.pid + "." + Math.random().toString(36).slice(2);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(t));
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true }); // a read-only install: the memory cache still serves
  }
}

/** `text` (the contents of `file`) as ES5 and its source map, if a cache holds them. */
export function cachedTranspile(root: string, file: string, text: string): Transpiled | undefined {
  var key = keyOf(root, file, text);
  if (memory[key]) return memory[key];
  try {
    return (memory[key] = JSON.parse(fs.readFileSync(diskFile(root, key), "utf8")) as Transpiled);
  } catch (e) {
    return undefined; // not there, or half written by a run that died
  }
}

/** `text` (the contents of `file`) as ES5 and its source map: from the cache, or made by TypeScript and kept. */
export function transpile(root: string, file: string, text: string): Transpiled {
  var t = cachedTranspile(root, file, text);
  if (t) return t;
  observe.compiled(file);
  cachePackages(["typescript"], "emit", root);
  var ts = require("typescript") as typeof import("typescript");
  var options = (require("./ts-options") as typeof import("./ts-options")).emitOptions(root);
  var out = ts.transpileModule(text, { fileName: file, compilerOptions: options });
  // The map travels beside the code, to rollup; the comment pointing at a file would be wrong.
  t = { code: out.outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"), map: out.sourceMapText || "" };
  var key = keyOf(root, file, text);
  toDisk(diskFile(root, key), t);
  return (memory[key] = t);
}

/** Forgets what this process transpiled (the cache on disk stays): for tests, as a new process would start. */
export function forgetTranspiles(): void {
  memory = {};
}
