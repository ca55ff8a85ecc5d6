// The device build's TypeScript step as rollup sees it: each .ts module that
// may go into a bundle (ristretto's device sources, the app's folder, and any
// file named in `extra`) becomes ES5 on its own (transpile-cache.ts). Its
// types are checked apart, over the app's own module graph (type-check.ts),
// alongside the bundling. Host code (build, cli, sim) never goes into a
// bundle: it is not transformed, so rollup refuses it. Host only.

import fs = require("fs");
import path = require("path");
import type { Plugin } from "rollup";
import { cachedTranspile, transpile } from "./transpile-cache";
import type { Transpiled } from "./transpile-cache";

var DEVICE = ["src/core", "src/sync", "src/funcs", "src/io", "src/hal"];

/** Whether `id` is a module the build compiles: under one of `dirs` (folders, with their separator), or one of `files`. */
function inScope(id: string, dirs: string[], files: string[]): boolean {
  if (!/\.ts$/.test(id) || /\.d\.ts$/.test(id)) return false;
  if (files.indexOf(id) >= 0) return true;
  for (var i = 0; i < dirs.length; i++) if (id.indexOf(dirs[i]) === 0) return true;
  return false;
}

/** A relative import as TypeScript finds it: "./x" is ./x.ts, or ./x/index.ts. */
function resolveTs(id: string, importer: string | undefined): string | null {
  if (!importer || id.charAt(0) !== "." || !/\.ts$/.test(importer)) return null;
  var p = path.resolve(path.dirname(importer), id), tries = [p + ".ts", path.join(p, "index.ts"), p];
  for (var i = 0; i < tries.length; i++) if (/\.ts$/.test(tries[i]) && fs.existsSync(tries[i])) return tries[i];
  return null;
}

/**
 * `transpiledApart` (check-client.ts), when the type check's thread also
 * transpiles the app's files: resolves once it has transpiled `file` (into
 * the cache), or will not; then this thread need not load TypeScript at all.
 */
function loaded(t: Transpiled): { code: string; map: string } {
  return { code: t.code, map: t.map };
}

export function tsPlugin(root: string, entry: string, extra: string[], transpiledApart?: (file: string) => Promise<void>): Plugin {
  var appDir = path.dirname(entry) + path.sep;
  var dirs = DEVICE.map(function (d) {
    return path.join(root, d) + path.sep;
  }).concat([appDir]);
  var files = [path.join(root, "src/index.ts")].concat(extra), srcDir = path.join(root, "src") + path.sep;
  return {
    name: "ristretto-typescript",
    resolveId: resolveTs,
    // At load, as rollup's TypeScript plugin did: the module's "original" code is TypeScript's output.
    // Not an async function: host code's coroutines resume on ristretto's loop, a timer tick per await, and this runs per module.
    load: function (id) {
      if (!inScope(id, dirs, files)) return null;
      var text = fs.readFileSync(id, "utf8"), t = cachedTranspile(root, id, text);
      if (t || !transpiledApart || id.indexOf(appDir) !== 0) return loaded(t || transpile(root, id, text));
      return transpiledApart(id).then(function () {
        return loaded(cachedTranspile(root, id, text) || transpile(root, id, text)); // none cached if the file changed meanwhile
      });
    },
    // rollup's cache (module-cache.ts) keeps a module's transformed code while its source is unchanged;
    // all but ristretto's own run the later plugins again, as the board check counts pins over all of them.
    shouldTransformCachedModule: function (m) {
      return m.id.indexOf(srcDir) !== 0;
    },
  };
}
