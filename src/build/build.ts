// The device build: one Espruino-safe script per app and board.
//
//   app .ts ─► TypeScript, each module alone (ES5, ristretto's helpers;
//   ts-plugin.ts, cached by content) ─► board check ─► rollup (board resolved,
//   tree-shaken, one IIFE) ─► terser (settings that stay in the subset) ─►
//   lowering (lower.ts) ─► the IIFE unwrapped (top-level.ts) ─► dialect check
//   (check.ts) ─► dist/<app>.<board>.js + .map
//
// Beside the bundling, on a thread of its own, TypeScript checks the app's
// own module graph against the board's types (type-check.ts); its errors
// fail the build before anything is written. The plugins and rollup's
// options are rollup-options.ts's. Host only.

import fs = require("fs");
import path = require("path");
import type { OutputBundle, RollupBuild } from "rollup";
import { loadBoard } from "./boards";
import { ROOT, appEntry, extraFiles } from "./build-options";
import type { BuildOptions } from "./build-options";
import { bundleCache } from "./bundle-cache";
import { checkApart } from "./check-client";
import { cachePackages, keepCodeCache } from "./code-cache";
import { keepModuleCache, moduleCache } from "./module-cache";
import type { SizeReport } from "./size-plugin";

export { ROOT, appEntry };
export type { BuildOptions };

/** The packages that bundle and minify, loaded with their compiled code from the disk (code-cache.ts). */
var BUNDLERS = ["rollup", "terser", "acorn", "acorn-walk", "magic-string", "@jridgewell/sourcemap-codec"];

/** Whether this process has bundled (not only copied bundles from the cache). */
var bundled = false;

/** Builds and writes the bundle; returns its size report. Type errors fail it. */
export async function build(o: BuildOptions): Promise<SizeReport> {
  var root = o.root || ROOT, outDir = path.resolve(o.outDir || path.join(root, "dist")), entry = appEntry(o.app, root).entry;
  var cache = bundleCache(root, entry, o.board, outDir, { minify: o.minify !== false, es5: !!o.es5, baseline: o.baseline });
  return cache.hit || bundleApp(o, cache);
}

/**
 * For --watch, once its first build is done: if that came from the cache,
 * bundles the app again, writing nothing, so that the rebuild after the
 * first save finds rollup, terser and the type check loaded and warm
 * (blink-many: 1.0 s without, 0.3 s with). Its errors are the next build's to say.
 */
export async function warmUp(o: BuildOptions): Promise<void> {
  if (!bundled) await bundleApp(o, undefined).catch(function () {});
}

/** Bundles the app; writes it and keeps it in `cache`, unless there is none (warmUp). */
async function bundleApp(o: BuildOptions, cache: { keep(r: SizeReport): void } | undefined): Promise<SizeReport> {
  bundled = true;
  var root = o.root || ROOT, entry = appEntry(o.app, root).entry;
  // The check starts first, and runs on its own thread while rollup and its plugins load and bundle.
  var check = checkApart({ root: root, entry: entry, board: loadBoard(o.board, root).id, extra: extraFiles(o) }), typeErrors = check.errors;
  typeErrors.catch(function () {}); // awaited below, unless rollup fails first on a plugin's error
  cachePackages(BUNDLERS, "bundle", root);
  var rollup = (require("rollup") as typeof import("rollup")).rollup;
  var report: SizeReport | undefined;
  var opts = (require("./rollup-options") as typeof import("./rollup-options")).rollupOptions(
    o,
    function (r) {
      report = r;
    },
    check,
  );
  var key = JSON.stringify([entry, o.board, o.minify !== false, o.baseline, (require("rollup") as typeof import("rollup")).VERSION]);
  opts.input.cache = moduleCache(root, key);
  var bundle: RollupBuild | undefined;
  try {
    bundle = await rollup(opts.input).catch(orTypeErrors(typeErrors, true));
    // Generated (terser, lowering, dialect check) while the check may still run; written only once it passed.
    var output = await bundle.generate(opts.output).catch(orTypeErrors(typeErrors, false));
    var errors = await typeErrors;
    if (errors.length) throw new Error(errors.join("\n"));
    if (cache) {
      writeOutput(path.dirname(opts.output.file!), output.output);
      cache.keep(report!);
    }
    keepModuleCache(root, key, bundle.cache, function (id) {
      return id.indexOf(path.join(root, "src") + path.sep) === 0;
    });
    keepCodeCache();
  } catch (e) {
    throw userError(e);
  } finally {
    if (bundle) await bundle.close();
  }
  return report!;
}

/**
 * What a failure of rollup becomes: TypeScript's errors, when there are any,
 * as what rollup made of a broken file fails for their reason; but a board
 * check while the modules load (`pluginsFirst`) is said as it is, as before
 * the check ran beside the bundling.
 */
function orTypeErrors(typeErrors: Promise<string[]>, pluginsFirst: boolean): (e: { plugin?: string }) => Promise<never> {
  return async function (e) {
    var errors = pluginsFirst && e.plugin && e.plugin.indexOf("ristretto-") === 0 ? [] : await typeErrors;
    throw errors.length ? new Error(errors.join("\n")) : e;
  };
}

/** Writes the bundle and its source map, as rollup's write() would. */
function writeOutput(dir: string, files: OutputBundle[string][]): void {
  fs.mkdirSync(dir, { recursive: true });
  files.forEach(function (f) {
    fs.writeFileSync(path.join(dir, f.fileName), f.type === "chunk" ? f.code : f.source);
  });
}

/** Our plugins' messages are written for the user: without rollup's "[plugin ...]" and path prefixes. */
function userError(e: unknown): unknown {
  var err = e as { plugin?: string; message: string; id?: string };
  if (!err.plugin || err.plugin.indexOf("ristretto-") !== 0) return e;
  var m = err.message.replace(/^\[plugin [^\]]+\] /, "");
  var id = err.id && path.relative(process.cwd(), err.id) + ": "; // rollup's prefix for transform errors
  return new Error(id && m.indexOf(id) === 0 ? m.slice(id.length) : m);
}
