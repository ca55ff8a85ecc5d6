// A cache of finished bundles, so that a test run builds each bundle once and
// every test file (in every mocha worker) shares it, and a rebuild of an
// unchanged app is a copy. Keyed by the contents of everything a build reads:
// the app's folder, ristretto's device sources, every board profile (the build
// reads them all, for optional()) with the schema and the board's types, the
// compiled build code itself, the versions of the packages that compile and
// minify, and the options. Only successful builds are kept; a failed one
// always runs again, so its errors are fresh.
// Entries live in <root>/.build/bundle-cache. Content-keyed, they stay valid
// across `npm run compile`, which keeps them (scripts/compile.js) and removes
// those no build has used for a few days; a hit marks its entry used.
// RISTRETTO_BUNDLE_CACHE=off builds without it.
// Host only.

import crypto = require("crypto");
import fs = require("fs");
import path = require("path");
import type { SizeReport } from "./size-plugin";

export interface CacheKeyInput {
  root: string;
  entry: string;
  board: string;
  outName: string;
  options: unknown;
}

interface Entry {
  report: SizeReport;
  /** The folder the bundle was first written to: its map's sources are relative to it. */
  outDir: string;
}

var DEVICE_SOURCES = ["src/index.ts", "src/core", "src/sync", "src/funcs", "src/io", "src/hal", "tsconfig.json", "boards"];
/** The packages whose code shapes a bundle: their versions are part of the key. */
var TOOLS = ["typescript", "rollup", "@rollup/plugin-typescript", "@rollup/plugin-terser", "terser", "tslib", "acorn", "acorn-walk", "magic-string", "source-map-js"];

/** "name@version" of each tool as this build resolves it ("name@-" where it does not). */
function toolVersions(): string[] {
  return TOOLS.map(function (t) {
    try {
      return t + "@" + require(t + "/package.json").version;
    } catch (e) {
      return t + "@-";
    }
  });
}

function filesUnder(p: string, into: string[]): void {
  if (!fs.existsSync(p)) return;
  if (!fs.statSync(p).isDirectory()) return void into.push(p);
  fs.readdirSync(p)
    .sort()
    .forEach(function (f) {
      if (f !== "node_modules" && f.charAt(0) !== ".") filesUnder(path.join(p, f), into);
    });
}

/** The key of a build: a hash of every file it reads and of its options. */
export function cacheKey(k: CacheKeyInput): string {
  var files: string[] = [];
  DEVICE_SOURCES.forEach(function (p) {
    filesUnder(path.join(k.root, p), files);
  });
  filesUnder(path.dirname(k.entry), files);
  filesUnder(__dirname, files); // the build's own compiled code
  var baseline = ((k.options || {}) as { baseline?: { runtime: string; io: string } }).baseline;
  if (baseline) files.push(baseline.runtime, baseline.io);
  var h = crypto.createHash("sha256");
  h.update(JSON.stringify([k.entry, k.board, k.outName, k.options, toolVersions()]));
  files.forEach(function (f) {
    h.update("\0" + f + "\0");
    h.update(fs.readFileSync(f));
  });
  return h.digest("hex").slice(0, 32);
}

function dirOf(root: string, key: string): string {
  return path.join(root, ".build/bundle-cache", key);
}

/** Writes the cached bundle and map for `key` into outDir and gives its report; undefined on a miss. */
export function fromCache(root: string, key: string, outDir: string): SizeReport | undefined {
  var dir = dirOf(root, key), meta = path.join(dir, "entry.json");
  if (!fs.existsSync(meta)) return undefined;
  var e = JSON.parse(fs.readFileSync(meta, "utf8")) as Entry, name = e.report.file;
  var now = new Date();
  fs.utimesSync(meta, now, now); // used: npm run compile keeps it
  var map = JSON.parse(fs.readFileSync(path.join(dir, name + ".map"), "utf8")) as { sources: string[] };
  map.sources = map.sources.map(function (s) {
    return path.relative(outDir, path.resolve(e.outDir, s)).split(path.sep).join("/");
  });
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(dir, name), path.join(outDir, name));
  fs.writeFileSync(path.join(outDir, name + ".map"), JSON.stringify(map));
  return e.report;
}

/** Keeps the bundle just written to outDir under `key`. Written to a temporary folder and renamed, so parallel runs never see half an entry. */
export function toCache(root: string, key: string, outDir: string, report: SizeReport): void {
  var dir = dirOf(root, key);
  if (fs.existsSync(dir)) return;
  var tmp = dir + "." + process.pid + "." + Date.now();
  fs.mkdirSync(tmp, { recursive: true });
  fs.copyFileSync(path.join(outDir, report.file), path.join(tmp, report.file));
  fs.copyFileSync(path.join(outDir, report.file + ".map"), path.join(tmp, report.file + ".map"));
  fs.writeFileSync(path.join(tmp, "entry.json"), JSON.stringify({ report: report, outDir: outDir }));
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true }); // another run kept it first
  }
}

/** RISTRETTO_BUNDLE_CACHE_LOG=<file>: one line per lookup and per build kept, for finding repeated builds (scripts/file-times.js). */
function log(what: string, key: string, entry: string, board: string, ms: number): void {
  var f = process.env.RISTRETTO_BUNDLE_CACHE_LOG;
  if (f) fs.appendFileSync(f, [process.pid, what, key.slice(0, 8), path.relative(process.cwd(), entry), board, ms].join("\t") + "\n");
}

/** The cache for one build: its hit, if any, and how to keep the bundle once it is written. */
export function bundleCache(root: string, entry: string, board: string, outDir: string, options: unknown): { hit?: SizeReport; keep(r: SizeReport): void } {
  if (process.env.RISTRETTO_BUNDLE_CACHE === "off") return { keep: function () {} }; // measuring a cold build (scripts/inner-loop-times.js)
  var t = Date.now(), key = cacheKey({ root: root, entry: entry, board: board, outName: path.basename(entry), options: options });
  var hit = fromCache(root, key, outDir), keyMs = Date.now() - t;
  log(hit ? "hit" : "miss", key, entry, board, keyMs);
  return {
    hit: hit,
    keep: function (r) {
      log("built", key, entry, board, Date.now() - t);
      toCache(root, key, outDir, r);
    },
  };
}
