// Loads the build's big CommonJS packages (TypeScript's compiler, one 9 MB
// file; rollup, terser, acorn) with V8's code cache kept on disk, so that a
// new process, or a new thread, takes their compiled code from the cache
// instead of compiling it again: a third of what loading TypeScript costs a
// build. Node 22 does this for every module (module.enableCompileCache);
// node 20 cannot. The cache is written after the build has worked once, so
// that the functions it compiled lazily are in it too. V8 refuses a cache of
// another version, of other flags or of other source, and the module is then
// compiled as usual. `use` names what the thread does with the packages
// (each thread compiles the functions it runs): each use has its own cache.
// V8 also refuses a cache made under other flags: a process that builds once
// (setV8Flags) keeps its caches apart from one that goes on (--watch, tests).
// Entries live in <root>/.build/code-cache, which `npm run compile` empties.
// Host only.

import crypto = require("crypto");
import fs = require("fs");
import Module = require("module");
import path = require("path");
import v8 = require("v8");
import vm = require("vm");

interface Loaded {
  script: vm.Script;
  /** The cache file it was read from, or is to be written to. */
  cache: string;
  /** Whether the cache on disk served (nothing to write then). */
  served: boolean;
}

interface InternalModule {
  exports: unknown;
  filename: string;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}

var loaded: Loaded[] = [];
/** The folder of each package compiled with the cache, with the cache's use. */
var folders: { [dir: string]: string } = {};
var cacheRoot = "";
/** The V8 flags this process set (setV8Flags). */
var flags = "";

function cacheFile(file: string, use: string): string {
  var s = fs.statSync(file);
  var key = crypto.createHash("sha256").update(JSON.stringify([file, s.size, s.mtimeMs, process.version, process.arch, flags, use])).digest("hex").slice(0, 32);
  return path.join(cacheRoot, ".build/code-cache", key + ".bin");
}

function useOf(file: string): string | undefined {
  for (var dir in folders) if (file.indexOf(dir) === 0) return folders[dir];
  return undefined;
}

/** Compiles `content` as Node would, with the code cache of `use`. */
function compileCached(m: InternalModule, content: string, file: string, use: string): unknown {
  var cache = cacheFile(file, use), data: Buffer | undefined;
  try {
    data = fs.readFileSync(cache);
  } catch (e) {
    data = undefined;
  }
  var script = new vm.Script(Module.wrap(content.replace(/^#!.*/, "")), { filename: file, cachedData: data }); // a #! line is no statement
  loaded.push({ script: script, cache: cache, served: !!data && !script.cachedDataRejected });
  var req = function (id: string) {
    return m.require(id);
  } as NodeRequire;
  req.resolve = function (id: string) {
    return (Module as unknown as { _resolveFilename(id: string, parent: InternalModule): string })._resolveFilename(id, m);
  } as NodeRequire["resolve"];
  req.cache = require.cache;
  return script.runInThisContext().call(m.exports, m.exports, req, m, file, path.dirname(file));
}

/**
 * Sets V8 flags for the whole process (every thread): call it before the
 * first module loads with the cache, and in each thread (check-client.ts
 * hands them to the check's thread), so that each knows its caches' key.
 */
export function setV8Flags(f: string): void {
  if (f) v8.setFlagsFromString(f);
  flags = f;
}

/** The V8 flags this process set, for a new thread. */
export function v8Flags(): string {
  return flags;
}

/** From now on, in this thread, the modules of `packages` (names as require finds them from here) load with the code cache of `use`. */
export function cachePackages(packages: string[], use: string, root: string): void {
  cacheRoot = root;
  packages.forEach(function (p) {
    folders[path.dirname(require.resolve(p + "/package.json")) + path.sep] = use;
  });
  var proto = Module.prototype as unknown as InternalModule;
  if ((proto._compile as { cached?: boolean }).cached) return;
  var compile = proto._compile;
  proto._compile = function (this: InternalModule, content: string, file: string) {
    var use = useOf(file);
    return use ? compileCached(this, content, file, use) : compile.call(this, content, file);
  };
  (proto._compile as { cached?: boolean }).cached = true;
}

/** Writes the code cache of each module loaded with it where the disk held none that served; call it once the packages have worked. */
export function keepCodeCache(): void {
  loaded.forEach(function (l) {
    if (l.served) return;
    l.served = true;
    var tmp = l.cache + "." + process.pid + "." + Math.random().toString(36).slice(2);
    try {
      fs.mkdirSync(path.dirname(l.cache), { recursive: true });
      fs.writeFileSync(tmp, l.script.createCachedData());
      fs.renameSync(tmp, l.cache); // whole, or not at all: a parallel process never reads half a cache
    } catch (e) {
      fs.rmSync(tmp, { force: true }); // a read-only install: the next process compiles, as without a cache
    }
  });
}
