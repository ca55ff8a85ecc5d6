// The device build: one Espruino-safe script per app and board.
//
//   app .ts ─► TypeScript (ES5, ristretto's helpers) ─► board check ─► rollup
//   (board resolved, tree-shaken, one IIFE) ─► terser (settings that stay in the subset) ─► lowering
//   (lower.ts) ─► dialect check (check.ts) ─► dist/<app>.<board>.js + .map
//
// Host only.

import fs = require("fs");
import path = require("path");
import { rollup } from "rollup";
import type { InputOptions, OutputOptions, RollupBuild } from "rollup";
import typescript from "@rollup/plugin-typescript";
import terser from "@rollup/plugin-terser";
import { checkPlugin } from "./check-plugin";
import { internalNames } from "./internal-names";
import { lowerPlugin } from "./lower-plugin";
import { resolvePlugin } from "./resolve-plugin";
import { boardPlugin } from "./board-plugin";
import { loadBoard } from "./boards";
import { bundleCache } from "./bundle-cache";
import { fromTypeScript } from "./diagnostics";
import type { TsWarning } from "./diagnostics";
import { sizePlugin } from "./size-plugin";
import { terseErrorsPlugin } from "./terse-errors-plugin";
import { devPlugin } from "./dev-plugin";
import { asyncPlugin } from "./async-plugin";
import { unusedMethodsPlugin } from "./unused-methods-plugin";
import { classUnwrapPlugin } from "./class-unwrap-plugin";
import type { SizeReport } from "./size-plugin";

export interface BuildOptions {
  /** A folder with main.ts (firmware/blink) or a .ts file. */
  app: string;
  /** A board id: boards/<id>.json. */
  board: string;
  /** The ristretto package folder (default: this one). */
  root?: string;
  outDir?: string;
  /** false: keep the output readable, and the full error messages (still lowered and checked). */
  minify?: boolean;
  /**
   * For comparisons (npm run bench) only: what "ristretto" and "ristretto/io"
   * resolve to, and the stock `tslib` helpers on the native Promise instead of
   * ristretto's (which do not pass the dialect check: they use Symbol).
   */
  baseline?: { runtime: string; io: string };
}

export var ROOT = path.resolve(__dirname, "../../..");

/** The app's entry file and name; an error naming the apps there are if it is missing. */
export function appEntry(app: string, root: string): { entry: string; name: string } {
  var p = path.resolve(app), entry = "";
  if (fs.existsSync(p) && fs.statSync(p).isDirectory() && fs.existsSync(path.join(p, "main.ts"))) entry = path.join(p, "main.ts");
  else if (/\.ts$/.test(p) && fs.existsSync(p)) entry = p;
  else if (fs.existsSync(p + ".ts")) entry = p + ".ts";
  if (!entry) {
    var dir = path.join(root, "firmware"), apps = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    throw new Error('App "' + app + '" not found: expected a folder with main.ts or a .ts file. Apps in firmware/: ' + apps.join(", "));
  }
  return { entry: entry, name: path.basename(entry) === "main.ts" ? path.basename(path.dirname(entry)) : path.basename(entry, ".ts") };
}

function stockTslib(): string {
  return require.resolve("tslib/tslib.es6.js");
}

/**
 * A tsconfig for one build: the project's settings, the device sources and
 * the app's entry, so that TypeScript checks the app's own module graph and
 * nothing else: a broken file beside a single-file app, or another app, never
 * fails this one. Gives what the TypeScript plugin may transform: those, and
 * the app's folder (wherever the app lives). Host code (build, cli, sim)
 * never goes into a bundle.
 */
function buildTsconfig(root: string, file: string, board: string, entry: string, extra: string[]): string[] {
  var device = ["src/index.ts", "src/core/**/*.ts", "src/sync/**/*.ts", "src/funcs/**/*.ts", "src/io/**/*.ts", "src/hal/**/*.ts"].map(function (p) {
    return path.join(root, p);
  });
  var include = device.concat([entry], extra);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  var paths = {
    tslib: [path.join(root, "src/core/tslib.ts")],
    ristretto: [path.join(root, "src/index.ts")],
    "ristretto/io": [path.join(root, "src/io/index.ts")],
    "ristretto/board": [path.join(root, "boards/types", board + ".d.ts")],
  };
  fs.writeFileSync(file, JSON.stringify({ extends: path.join(root, "tsconfig.json"), compilerOptions: { paths: paths }, include: include, exclude: [] }));
  return device.concat([path.join(path.dirname(entry), "**/*.ts")], extra);
}

/** Settings that keep terser's output inside Espruino's subset. */
function minifier(root: string) {
  return terser({
    ecma: 5,
    // join_vars would put an `in` into a for-init (rule 7)
    compress: { hoist_funs: true, join_vars: false, passes: 2 },
    mangle: {
      reserved: ["of", "static", "undefined"], // rule 8
      properties: { regex: new RegExp("^(" + internalNames(root).join("|") + ")$"), reserved: ["of", "static"] },
    },
    // ascii_only: Espruino reads a raw UTF-8 character as other bytes ("\xFF" must stay an escape)
    format: { ecma: 5, semicolons: true, ascii_only: true },
  });
}

export function rollupOptions(o: BuildOptions, onSize?: (r: SizeReport) => void): { input: InputOptions; output: OutputOptions } {
  var root = o.root || ROOT, outDir = path.resolve(o.outDir || path.join(root, "dist"));
  var profile = loadBoard(o.board, root), app = appEntry(o.app, root);
  var tsconfig = path.join(outDir, "." + app.name + "." + profile.id + ".tsconfig.json");
  var include = buildTsconfig(root, tsconfig, profile.id, app.entry, o.baseline ? [o.baseline.runtime, o.baseline.io] : []);
  var minify = o.minify !== false;
  var plugins = [
    resolvePlugin(root, profile, o.baseline && { ristretto: o.baseline.runtime, "ristretto/io": o.baseline.io, tslib: stockTslib() }),
    typescript({
      tsconfig: tsconfig,
      include: include,
      compilerOptions: {
        module: "esnext",
        target: "es5",
        // Modern library types, so that `new Map()` reaches the checker, whose
        // message says what to use on Espruino instead; ristretto's own device
        // code is held to ES5 by tsconfig.device.json.
        lib: ["es2020"],
        types: [],
        importHelpers: true,
        sourceMap: true,
        inlineSources: true,
        declaration: false,
        // Emitted (in memory) beside the sources, so the maps' paths resolve.
        outDir: undefined,
        // The app may live outside this package (a project made by ristretto new).
        rootDir: undefined,
        // Type errors come as warnings and fail the build at its end (build()):
        // thrown from inside the plugin, they would leave its file watchers open.
        noEmitOnError: false,
      },
      tslib: o.baseline ? stockTslib() : path.join(root, "src/core/tslib.ts"),
      outputToFilesystem: false,
    }),
    o.baseline ? undefined : asyncPlugin(),
    boardPlugin(root, profile),
    minify ? devPlugin() : undefined,
    minify ? terseErrorsPlugin() : undefined,
    o.baseline ? undefined : unusedMethodsPlugin(),
    o.baseline ? undefined : classUnwrapPlugin(),
    minify ? minifier(root) : undefined,
    lowerPlugin(),
    o.baseline ? undefined : checkPlugin(root, outDir),
    onSize ? sizePlugin(root, onSize) : undefined,
  ];
  return {
    input: { input: app.entry, plugins: plugins, treeshake: { moduleSideEffects: false } },
    output: {
      file: path.join(outDir, app.name + "." + profile.id + ".js"),
      format: "iife",
      name: "app",
      strict: false, // Espruino ignores it; no code may rely on it (rule 21)
      freeze: false, // no Object.freeze on Espruino (rule 16)
      esModule: false,
      generatedCode: "es5",
      sourcemap: true,
    },
  };
}

interface Warning extends TsWarning {
  plugin?: string;
}

/** Builds and writes the bundle; returns its size report. Type errors fail it. */
export async function build(o: BuildOptions): Promise<SizeReport> {
  var root = o.root || ROOT, outDir = path.resolve(o.outDir || path.join(root, "dist"));
  var cache = bundleCache(root, appEntry(o.app, root).entry, o.board, outDir, { minify: o.minify !== false, baseline: o.baseline });
  if (cache.hit) return cache.hit;
  var report: SizeReport | undefined, typeErrors: string[] = [];
  var opts = rollupOptions(o, function (r) {
    report = r;
  });
  opts.input.onwarn = function (w: Warning, warn: (w: Warning) => void) {
    if (w.plugin === "typescript") typeErrors.push(fromTypeScript(w));
    else warn(w);
  };
  var bundle: RollupBuild | undefined;
  try {
    bundle = await rollup(opts.input);
    if (typeErrors.length) throw new Error(typeErrors.join("\n"));
    await bundle.write(opts.output);
    cache.keep(report!);
  } catch (e) {
    // Our plugins' messages are written for the user: no "[plugin ...]" prefix.
    var err = e as { plugin?: string; message: string; id?: string };
    if (err.plugin && err.plugin.indexOf("ristretto-") === 0) {
      var m = err.message.replace(/^\[plugin [^\]]+\] /, "");
      var id = err.id && path.relative(process.cwd(), err.id) + ": "; // rollup's prefix for transform errors
      throw new Error(id && m.indexOf(id) === 0 ? m.slice(id.length) : m);
    }
    throw e;
  } finally {
    if (bundle) await bundle.close();
  }
  return report!;
}
