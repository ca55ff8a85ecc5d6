// Runs the Espruino lowering (lower.ts) on the minified chunk. Host only.

import type { Plugin } from "rollup";
import { lower } from "./lower";

export function lowerPlugin(): Plugin {
  return {
    name: "ristretto-lower",
    renderChunk: function (code, chunk) {
      var r = lower(code, chunk.fileName);
      return { code: r.code, map: r.map as any };
    },
  };
}
