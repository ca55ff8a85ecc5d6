// Rollup's own cache of a build: each module's transformed code and syntax
// tree, reused while the module's loaded code is unchanged, so that a
// rebuild of the same app and board loads only the modules that changed.
// In memory for the last few builds of this process (--watch, the tests: a
// cache holds every module's tree), and ristretto's own modules on disk for
// the next process (module-cache-disk.ts). The app's modules always run the
// plugins again (ts-plugin.ts). Host only.

import type { RollupCache } from "rollup";
import { readModules, writeModules } from "./module-cache-disk";

var KEEP = 4;
var recent: { key: string; cache: RollupCache }[] = [];

/** The cache of the last build with the same key: this process's, or the one kept on disk. */
export function moduleCache(root: string, key: string): RollupCache | undefined {
  for (var i = 0; i < recent.length; i++) if (recent[i].key === key) return recent[i].cache;
  return readModules(root, key);
}

/** Keeps `cache` as the newest (forgetting the oldest beyond KEEP), and its modules that `shared` accepts on disk. */
export function keepModuleCache(root: string, key: string, cache: RollupCache | undefined, shared: (id: string) => boolean): void {
  recent = recent.filter(function (r) {
    return r.key !== key;
  });
  if (!cache) return;
  recent.unshift({ key: key, cache: cache });
  recent.length = Math.min(recent.length, KEEP);
  writeModules(root, key, cache, shared);
}
