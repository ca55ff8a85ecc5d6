// Rollup's own cache of the last builds in this process: each module's
// transformed code and syntax tree, reused while its source is unchanged, so
// that a rebuild (--watch, the tests) loads only the modules that changed.
// The app's modules always run the plugins again (ts-plugin.ts). Kept for the
// last few apps and boards only: a cache holds every module's tree. Host only.

import type { RollupCache } from "rollup";

var KEEP = 4;
var recent: { key: string; cache: RollupCache }[] = [];

/** The cache of the last build with the same key, if it is among the last few. */
export function moduleCache(key: string): RollupCache | undefined {
  for (var i = 0; i < recent.length; i++) if (recent[i].key === key) return recent[i].cache;
  return undefined;
}

/** Keeps `cache` as the newest, forgetting the oldest beyond KEEP. */
export function keepModuleCache(key: string, cache: RollupCache | undefined): void {
  recent = recent.filter(function (r) {
    return r.key !== key;
  });
  if (cache) recent.unshift({ key: key, cache: cache });
  recent.length = Math.min(recent.length, KEEP);
}
