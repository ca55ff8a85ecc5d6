// The TypeScript settings of a device build, shared by its two halves: the
// per-module transpile (ts-plugin.ts) and the type check of the app's own
// module graph (type-check.ts). They are the project's tsconfig.json
// (ristretto's own, also for an app made by `ristretto new`), held to what a
// device runs: ES5 with ristretto's helpers imported from "tslib". Host only.

import path = require("path");
import ts = require("typescript");

var parsed: { [config: string]: ts.CompilerOptions } = {};

/** ristretto's tsconfig.json compilerOptions, parsed once per process. */
function projectOptions(root: string): ts.CompilerOptions {
  var config = path.join(root, "tsconfig.json");
  if (!parsed[config]) {
    // Its compilerOptions alone: the files it includes are not a build's business.
    var json = ts.readConfigFile(config, ts.sys.readFile).config as { compilerOptions?: object } | undefined;
    parsed[config] = ts.convertCompilerOptionsFromJson((json && json.compilerOptions) || {}, root, config).options;
  }
  return parsed[config];
}

/** What each module is compiled with: emit settings only, so that a cached transpile is valid for every app and board. */
export function emitOptions(root: string): ts.CompilerOptions {
  return Object.assign({}, projectOptions(root), {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES5,
    importHelpers: true,
    sourceMap: true,
    inlineSources: true,
    declaration: false,
    noEmitOnError: false,
    // Emitted (in memory) beside the sources, so the maps' paths resolve.
    outDir: undefined,
    rootDir: undefined,
    paths: undefined,
    tsBuildInfoFile: undefined,
    incremental: undefined,
  });
}

/**
 * What the app is checked with: the emit settings, plus module resolution for
 * the board (`ristretto/board` → boards/types/<board>.d.ts). Modern library
 * types, so that `new Map()` reaches the dialect check, whose message says
 * what to use on Espruino instead (ristretto's own device code is held to ES5
 * by tsconfig.device.json). isolatedModules: what one module's transpile
 * cannot know (a re-exported type, an imported const enum) is an error here.
 */
export function checkOptions(root: string, board: string): ts.CompilerOptions {
  return Object.assign(emitOptions(root), {
    lib: ["lib.es2020.d.ts"],
    types: [],
    noEmit: true,
    sourceMap: false,
    inlineSources: false,
    isolatedModules: true,
    paths: {
      tslib: [path.join(root, "src/core/tslib.ts")],
      ristretto: [path.join(root, "src/index.ts")],
      "ristretto/io": [path.join(root, "src/io/index.ts")],
      "ristretto/board": [path.join(root, "boards/types", board + ".d.ts")],
    },
  });
}
