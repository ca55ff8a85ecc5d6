// Loads a big CommonJS module (TypeScript's compiler: one 9 MB file) with
// V8's code cache kept on disk, so that a new process, or a new thread,
// takes the compiled code from the cache instead of compiling it again:
// a third of what loading TypeScript costs a build. Node 22 does this for
// every module (module.enableCompileCache); node 20 cannot. The cache is
// written after the module has done its work once, so that the functions it
// compiled lazily are in it too. V8 refuses a cache of another version, of
// other flags or of other source, and the module is then compiled as usual.
// `use` names what the process does with the module (each thread compiles
// the functions it runs): each use has its own cache.
// Entries live in <root>/.build/code-cache, which `npm run compile` empties.
// Host only.

import crypto = require("crypto");
import fs = require("fs");
import Module = require("module");
import path = require("path");
import vm = require("vm");

interface Loaded {
  script: vm.Script;
  file: string;
  use: string;
  /** Whether the cache on disk served (nothing to write then). */
  served: boolean;
}

var loaded: { [id: string]: Loaded } = {};

function cacheFile(root: string, file: string, use: string): string {
  var s = fs.statSync(file);
  var key = crypto.createHash("sha256").update(JSON.stringify([file, s.size, s.mtimeMs, process.version, process.arch, use])).digest("hex").slice(0, 32);
  return path.join(root, ".build/code-cache", key + ".bin");
}

/** Loads module `id` (as require would find it from here) into require's cache, compiled code from the disk cache when it holds it. */
export function loadCached(id: string, use: string, root: string): void {
  var file = require.resolve(id);
  if (require.cache[file] || loaded[id]) return;
  var data: Buffer | undefined;
  try {
    data = fs.readFileSync(cacheFile(root, file, use));
  } catch (e) {
    data = undefined;
  }
  var script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData: data });
  var m = new Module(file, module) as Module & { paths: string[] };
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  require.cache[file] = m;
  try {
    script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  } catch (e) {
    delete require.cache[file];
    throw e;
  }
  m.loaded = true;
  loaded[id] = { script: script, file: file, use: use, served: !!data && !script.cachedDataRejected };
}

/** Writes the code cache of module `id`, if it was loaded here and the disk held none that served; call it once the module has worked. */
export function keepCodeCache(id: string, root: string): void {
  var l = loaded[id];
  if (!l || l.served) return;
  l.served = true;
  var to = cacheFile(root, l.file, l.use), tmp = to + "." + process.pid + "." + Math.random().toString(36).slice(2);
  try {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(tmp, l.script.createCachedData());
    fs.renameSync(tmp, to); // whole, or not at all: a parallel process never reads half a cache
  } catch (e) {
    fs.rmSync(tmp, { force: true }); // a read-only install: the next process compiles, as without a cache
  }
}
