// The device build: one Espruino-safe script per app and board.
//
//   app .ts ─► TypeScript, each module alone (ES5, ristretto's helpers;
//   ts-plugin.ts, cached by content) ─► board check ─► rollup (board resolved,
//   tree-shaken, one IIFE) ─► terser (settings that stay in the subset) ─►
//   lowering (lower.ts) ─► dialect check (check.ts) ─► dist/<app>.<board>.js + .map
//
// Beside the bundling, on a thread of its own, TypeScript checks the app's
// own module graph against the board's types (type-check.ts); its errors
// fail the build before anything is written. Host only.

import fs = require("fs");
import path = require("path");
import { rollup } from "rollup";
import type { InputOptions, OutputOptions, RollupBuild } from "rollup";
import terser from "@rollup/plugin-terser";
import { checkPlugin } from "./check-plugin";
import { internalNames } from "./internal-names";
import { lowerPlugin } from "./lower-plugin";
import { resolvePlugin } from "./resolve-plugin";
import { boardPlugin } from "./board-plugin";
import { loadBoard } from "./boards";
import { bundleCache } from "./bundle-cache";
import { checkApart } from "./check-client";
import { tsPlugin } from "./ts-plugin";
import { keepModuleCache, moduleCache } from "./module-cache";
import { sizePlugin } from "./size-plugin";
import { terseErrorsPlugin } from "./terse-errors-plugin";
import { devPlugin } from "./dev-plugin";
import { asyncPlugin } from "./async-plugin";
import { unusedMethodsPlugin } from "./unused-methods-plugin";
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

/** The files the benchmark's baseline build compiles and checks with the app (its "ristretto" and "ristretto/io"). */
function extraFiles(o: BuildOptions): string[] {
  return o.baseline ? [o.baseline.runtime, o.baseline.io] : [];
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
  var minify = o.minify !== false;
  var plugins = [
    resolvePlugin(root, profile, o.baseline && { ristretto: o.baseline.runtime, "ristretto/io": o.baseline.io, tslib: stockTslib() }),
    tsPlugin(root, app.entry, extraFiles(o)),
    o.baseline ? undefined : asyncPlugin(),
    boardPlugin(root, profile),
    minify ? devPlugin() : undefined,
    minify ? terseErrorsPlugin() : undefined,
    o.baseline ? undefined : unusedMethodsPlugin(),
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

/** Builds and writes the bundle; returns its size report. Type errors fail it. */
export async function build(o: BuildOptions): Promise<SizeReport> {
  var root = o.root || ROOT, outDir = path.resolve(o.outDir || path.join(root, "dist")), entry = appEntry(o.app, root).entry;
  var cache = bundleCache(root, entry, o.board, outDir, { minify: o.minify !== false, baseline: o.baseline });
  if (cache.hit) return cache.hit;
  var report: SizeReport | undefined;
  var opts = rollupOptions(o, function (r) {
    report = r;
  });
  var typeErrors = checkApart({ root: root, entry: entry, board: loadBoard(o.board, root).id, extra: extraFiles(o) });
  typeErrors.catch(function () {}); // awaited below, unless rollup fails first on a plugin's error
  var key = JSON.stringify([entry, o.board, outDir, o.minify !== false, o.baseline]);
  opts.input.cache = moduleCache(key);
  var bundle: RollupBuild | undefined;
  try {
    bundle = await rollup(opts.input).catch(async function (e: { plugin?: string }) {
      // Rollup failing on what TypeScript made of a broken file: TypeScript's own errors say why.
      var errors = e.plugin && e.plugin.indexOf("ristretto-") === 0 ? [] : await typeErrors;
      throw errors.length ? new Error(errors.join("\n")) : e;
    });
    var errors = await typeErrors;
    if (errors.length) throw new Error(errors.join("\n"));
    await bundle.write(opts.output);
    cache.keep(report!);
    keepModuleCache(key, bundle.cache);
  } catch (e) {
    throw userError(e);
  } finally {
    if (bundle) await bundle.close();
  }
  return report!;
}

/** Our plugins' messages are written for the user: without rollup's "[plugin ...]" and path prefixes. */
function userError(e: unknown): unknown {
  var err = e as { plugin?: string; message: string; id?: string };
  if (!err.plugin || err.plugin.indexOf("ristretto-") !== 0) return e;
  var m = err.message.replace(/^\[plugin [^\]]+\] /, "");
  var id = err.id && path.relative(process.cwd(), err.id) + ": "; // rollup's prefix for transform errors
  return new Error(id && m.indexOf(id) === 0 ? m.slice(id.length) : m);
}
