// What a device build is asked for, and where the app's entry is: the light
// half of build.ts, which the command line loads before any compiler. Host only.

import fs = require("fs");
import path = require("path");

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
  /** true: functions stay ES5 in the minified bundle too, for an interpreter without arrows and methods (Duktape, mujs, Espruino before 2v14 or built with SAVE_ON_FLASH); shorthand.ts. */
  es5?: boolean;
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

/** The files the benchmark's baseline build compiles and checks with the app (its "ristretto" and "ristretto/io"). */
export function extraFiles(o: BuildOptions): string[] {
  return o.baseline ? [o.baseline.runtime, o.baseline.io] : [];
}
