// The host compile of one app for `ristretto sim`: only the app's own module
// graph (its entry and what it imports), incrementally, so that simulating
// an app neither waits for every other app to compile nor fails on another
// app's errors. The settings are the project's tsconfig.json (ristretto's
// own for firmware/, a project's made by `ristretto new` for its apps); what
// TypeScript learnt is kept in <outDir>/.apps/<app>.tsbuildinfo, so a second
// compile checks and emits only what changed. Only the app's own files are
// written: ristretto's are compiled already. Host only.

import fs = require("fs");
import path = require("path");
import ts = require("typescript");
import { formatDiagnostic as format } from "../build/ts-diagnostic";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/cli

export interface CompiledApp {
  /** The compiled entry module, for Sim.startApp; "" when the compile failed. */
  main: string;
  /** `path:line:col: syntax error|type error|dialect rule: message`, in file order. */
  errors: string[];
}

/** The app's entry: <app>/main.ts, or the .ts file itself. */
function entryOf(app: string): string {
  var p = path.resolve(app);
  return fs.existsSync(p) && fs.statSync(p).isDirectory() ? path.join(p, "main.ts") : p.replace(/\.(ts|js)$/, "") + ".ts";
}

/** The nearest folder at or above `dir` with a tsconfig.json, ristretto's if the app is inside it, or "". */
function projectOf(dir: string): string {
  var rel = path.relative(ROOT, dir);
  if (rel.indexOf("..") !== 0 && !path.isAbsolute(rel)) return ROOT;
  for (var d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "tsconfig.json"))) return d;
    if (path.dirname(d) === d) return "";
  }
}

/** The compiler options: the project's tsconfig, or ristretto's with its output under .build/apps/<its absolute path> for an app in no project. */
function optionsFor(project: string, entry: string): ts.CompilerOptions {
  var config = path.join(project || ROOT, "tsconfig.json");
  var parsed = ts.getParsedCommandLineOfConfigFile(config, {}, Object.assign({}, ts.sys, { onUnRecoverableConfigFileDiagnostic: function () {} }) as ts.ParseConfigFileHost);
  var o: ts.CompilerOptions = Object.assign({}, parsed ? parsed.options : {});
  if (!project) {
    // ristretto's sources are in the program too: every file is under the file system's root.
    o.rootDir = path.parse(entry).root;
    o.outDir = path.join(ROOT, ".build", "apps");
  }
  o.outDir = o.outDir || path.join(project || ROOT, ".build");
  o.rootDir = o.rootDir || project;
  // Firmware runs on a device: no Node or mocha typings (src/core/runtime.d.ts declares the timers and console), and they are most of the time a compile takes.
  o.types = [];
  o.incremental = true;
  o.tsBuildInfoFile = path.join(o.outDir, ".apps", path.relative(o.rootDir, entry).replace(/[\\/.]/g, "_") + ".tsbuildinfo");
  o.noEmitOnError = true;
  o.composite = false;
  o.declaration = false;
  return o;
}

/** Compiles `app` (a firmware folder with main.ts, or a .ts file) for the host; its errors, or where its compiled entry is. */
export function compileApp(app: string): CompiledApp {
  var entry = entryOf(app), project = projectOf(path.dirname(entry)), options = optionsFor(project, entry);
  var home = path.dirname(entry) + path.sep, host = ts.createIncrementalCompilerHost(options);
  var program = ts.createIncrementalProgram({ rootNames: [entry], options: options, host: host });
  var diagnostics = program.getSyntacticDiagnostics().concat(program.getOptionsDiagnostics(), program.getGlobalDiagnostics(), program.getSemanticDiagnostics());
  if (diagnostics.length) return { main: "", errors: diagnostics.map(format) };
  // Only the app's outputs and what TypeScript keeps for next time.
  var outHome = path.join(options.outDir!, path.relative(options.rootDir!, home)) + path.sep;
  var emitted = program.emit(undefined, function (file, text) {
    var f = path.resolve(file);
    if (f.indexOf(outHome) !== 0 && f !== path.resolve(options.tsBuildInfoFile!)) return;
    fs.mkdirSync(path.dirname(f), { recursive: true });
    if (!fs.existsSync(f) || fs.readFileSync(f, "utf8") !== text) fs.writeFileSync(f, text);
  });
  if (emitted.diagnostics.length) return { main: "", errors: emitted.diagnostics.map(format) };
  var main = path.join(options.outDir!, path.relative(options.rootDir!, entry)).replace(/\.ts$/, ".js");
  // Compiled files removed by hand while TypeScript's record of them stayed: forget the record, and compile afresh.
  if (!fs.existsSync(main) && fs.existsSync(options.tsBuildInfoFile!)) {
    fs.unlinkSync(options.tsBuildInfoFile!);
    return compileApp(app);
  }
  return { main: main, errors: [] };
}
