// terser over the bundle, in this thread: what @rollup/plugin-terser did,
// without starting a worker thread and loading terser there, cold, for every
// build (in --watch and the tests terser now stays loaded and warm). The
// settings (rollup-options.ts) keep the output inside Espruino's subset.
// Host only.

import type { Plugin, RenderedChunk } from "rollup";
import { minify } from "terser";
import type { MinifyOptions } from "terser";

/** `settings` gives new options for each chunk: terser writes into the options it is given. */
export function minifyPlugin(settings: (chunk: RenderedChunk) => MinifyOptions): Plugin {
  return {
    name: "terser",
    renderChunk: async function (code, chunk) {
      var r = await minify(code, Object.assign(settings(chunk), { sourceMap: true }));
      return { code: r.code || code, map: typeof r.map === "string" ? JSON.parse(r.map) : r.map };
    },
  };
}
