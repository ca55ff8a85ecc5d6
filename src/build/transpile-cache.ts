// One module's TypeScript → ES5 (ts.transpileModule: no program, no type
// information; the type check is type-check.ts's), cached by what decides
// its output: the file's path (its source map names it) and text, the
// settings and TypeScript's version. In memory for the process (--watch,
// several boards, the tests' many builds), and on disk in
// <root>/.build/transpile-cache across processes, so a build after an edit
// of the app transpiles only the app's changed files. `npm run compile`
// empties .build. Host only.

import crypto = require("crypto");
import fs = require("fs");
import path = require("path");
import ts = require("typescript");

export interface Transpiled {
  code: string;
  /** The source map, as JSON text. */
  map: string;
}

var memory: { [key: string]: Transpiled } = {};

/** Told of each file TypeScript itself compiles (a miss of both caches): for tests. */
export var observe = { compiled: function (_file: string): void {} };

function keyOf(file: string, text: string, options: ts.CompilerOptions): string {
  return crypto.createHash("sha256").update(JSON.stringify([ts.version, options, file])).update("\0").update(text).digest("hex").slice(0, 32);
}

function fromDisk(file: string): Transpiled | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Transpiled;
  } catch (e) {
    return undefined; // not there, or half written by a run that died
  }
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

/** `text` (the contents of `file`) as ES5 and its source map, from the cache when it holds them. */
export function transpile(root: string, file: string, text: string, options: ts.CompilerOptions): Transpiled {
  var key = keyOf(file, text, options);
  if (memory[key]) return memory[key];
  var disk = path.join(root, ".build/transpile-cache", key + ".json");
  var t = fromDisk(disk);
  if (!t) {
    observe.compiled(file);
    var out = ts.transpileModule(text, { fileName: file, compilerOptions: options });
    // The map travels beside the code, to rollup; the comment pointing at a file would be wrong.
    t = { code: out.outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"), map: out.sourceMapText || "" };
    toDisk(disk, t);
  }
  return (memory[key] = t);
}

/** Forgets what this process transpiled (the cache on disk stays): for tests, as a new process would start. */
export function forgetTranspiles(): void {
  memory = {};
}
