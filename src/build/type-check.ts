// The type check of a device build: the app's own module graph (its entry,
// what it imports, and any `extra` file), against the board's types, and
// errors reported for the app's files only. ristretto's device sources are in
// the program for their types, but are checked by `npm run compile`; another
// app, or a broken file beside a single-file app, is never in it. Lasts a
// process: parsed files are kept (by path and text), so the library types
// are parsed once, and each app and board keeps its last program, which the
// next check of it reuses (--watch, several boards, the tests). Runs in
// check-worker.ts, beside the bundling. Host only.

import path = require("path");
import ts = require("typescript");
import { checkOptions } from "./ts-options";
import { formatDiagnostic } from "./ts-diagnostic";

export interface CheckRequest {
  /** The ristretto package folder. */
  root: string;
  entry: string;
  board: string;
  /** More files to check with the app (the benchmark's baseline runtime). */
  extra: string[];
}

var parsed: { [file: string]: ts.SourceFile } = {};
var programs: { [key: string]: ts.Program } = {};

/** A compiler host that parses each file once while its text stays the same. */
function reusingHost(options: ts.CompilerOptions): ts.CompilerHost {
  var host = ts.createCompilerHost(options, true);
  host.getSourceFile = function (file, languageVersion) {
    var text = ts.sys.readFile(file);
    if (text === undefined) return undefined;
    var old = parsed[file];
    if (old && old.text === text) return old;
    return (parsed[file] = ts.createSourceFile(file, text, languageVersion, true));
  };
  return host;
}

/** Whether TypeScript's findings in `file` are the app's to hear: its own sources, not ristretto's or any declarations. */
function reported(file: ts.SourceFile, device: string): boolean {
  return !file.isDeclarationFile && path.resolve(file.fileName).indexOf(device) !== 0;
}

/** The app's type and syntax errors, `path:line:col: kind: message`, in file order; none when it checks. */
export function checkApp(r: CheckRequest): string[] {
  var options = checkOptions(r.root, r.board), key = JSON.stringify([r.entry, r.board, r.extra]);
  var roots = [r.entry, path.join(r.root, "src/core/runtime.d.ts")].concat(r.extra);
  var program = ts.createProgram({ rootNames: roots, options: options, host: reusingHost(options), oldProgram: programs[key] });
  programs[key] = program;
  var device = path.join(r.root, "src") + path.sep;
  var files = program.getSourceFiles().filter(function (f) {
    return reported(f, device);
  });
  var found: ts.Diagnostic[] = program.getOptionsDiagnostics().slice();
  files.forEach(function (f) {
    found = found.concat(program.getSyntacticDiagnostics(f));
  });
  // As tsc does: types are checked once the syntax is right, so a missing comma gives one error, not a cascade.
  if (!found.length) {
    found = found.concat(program.getGlobalDiagnostics());
    files.forEach(function (f) {
      found = found.concat(program.getSemanticDiagnostics(f));
    });
  }
  return found.map(formatDiagnostic);
}
