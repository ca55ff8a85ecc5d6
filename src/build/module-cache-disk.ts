// Rollup's module cache (module-cache.ts) on disk, for the next process: the
// transformed code and syntax tree of ristretto's own modules, per board and
// settings, in <root>/.build/module-cache, which `npm run compile` empties.
// Rollup takes a cached module only while the module's loaded code (the
// transpile) is unchanged, and the plugins are the compiled build's, so an
// entry cannot go stale while .build lives. The app's modules are never kept:
// they run the plugins again anyway (ts-plugin.ts). Host only.

import crypto = require("crypto");
import fs = require("fs");
import path = require("path");
import type { ModuleJSON, RollupCache } from "rollup";

/** Files kept, the most recently used: one is a few MB, and the tests build hundreds of apps and boards. */
var KEEP = 24;

/** What a file held when this process read it (its modules' signature), so an unchanged set is not written again. */
var read: { [file: string]: string } = {};

function fileOf(root: string, key: string): string {
  return path.join(root, ".build/module-cache", crypto.createHash("sha256").update(key).digest("hex").slice(0, 32) + ".json");
}

function signature(modules: ModuleJSON[]): string {
  var h = crypto.createHash("sha256");
  modules.forEach(function (m) {
    h.update(m.id + "\0" + m.originalCode + "\0" + m.code + "\0");
  });
  return h.digest("hex");
}

/** JSON has no regular expressions: a regex literal's value comes back as {}; rollup reasons about its methods, so it is made again. */
function restoreRegExps(node: unknown): void {
  if (!node || typeof node !== "object") return;
  var n = node as { type?: string; regex?: { pattern: string; flags: string }; value?: unknown };
  if (n.type === "Literal" && n.regex) n.value = new RegExp(n.regex.pattern, n.regex.flags);
  Object.keys(n).forEach(function (k) {
    restoreRegExps((n as { [k: string]: unknown })[k]);
  });
}

/** The modules kept for `key`, or undefined. */
export function readModules(root: string, key: string): RollupCache | undefined {
  var file = fileOf(root, key);
  try {
    var kept = JSON.parse(fs.readFileSync(file, "utf8")) as { modules: ModuleJSON[]; regex: string[] };
  } catch (e) {
    return undefined; // none yet, or half written by a process that died
  }
  kept.modules.forEach(function (m) {
    if (kept.regex.indexOf(m.id) >= 0) restoreRegExps(m.ast);
  });
  read[file] = signature(kept.modules);
  touch(file);
  return { modules: kept.modules };
}

/** Keeps the modules of `cache` that `keep` accepts, with those kept before that this build did not load; written only when they changed. */
export function writeModules(root: string, key: string, cache: RollupCache, keep: (id: string) => boolean): void {
  var file = fileOf(root, key), modules = (cache.modules || []).filter(function (m) {
    return keep(m.id);
  });
  var sig = signature(modules);
  if (read[file] === sig) return;
  var regex = modules
    .filter(function (m) {
      return JSON.stringify(m.ast).indexOf('"regex":') >= 0;
    })
    .map(function (m) {
      return m.id;
    });
  var tmp = file + "." + process.pid + "." + Math.random().toString(36).slice(2);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ modules: modules, regex: regex }));
    fs.renameSync(tmp, file); // whole or not at all, for a parallel process
    read[file] = sig;
    forgetOldest(path.dirname(file));
  } catch (e) {
    fs.rmSync(tmp, { force: true }); // a read-only install, or a value JSON cannot hold: the next build parses again
  }
}

/** Marks `file` as just used (its modification time), for forgetOldest. */
function touch(file: string): void {
  try {
    var now = new Date();
    fs.utimesSync(file, now, now);
  } catch (e) {
    return; // read-only: it may be forgotten sooner
  }
}

/** Removes the least recently used files beyond KEEP. */
function forgetOldest(dir: string): void {
  var files = fs.readdirSync(dir).filter(function (f) {
    return /^[0-9a-f]+\.json$/.test(f);
  });
  if (files.length <= KEEP) return;
  var aged = files.map(function (f) {
    var p = path.join(dir, f);
    try {
      return { p: p, t: fs.statSync(p).mtimeMs };
    } catch (e) {
      return { p: p, t: 0 }; // removed by a parallel process meanwhile
    }
  });
  aged.sort(function (a, b) {
    return b.t - a.t;
  });
  aged.slice(KEEP).forEach(function (a) {
    fs.rmSync(a.p, { force: true });
  });
}
