// Runs shorthand.ts on the minified, lowered chunk, last. Host only.

import type { Plugin } from "rollup";
import { shorthand } from "./shorthand";

export function shorthandPlugin(): Plugin {
  return {
    name: "ristretto-shorthand",
    renderChunk: function (code, chunk) {
      var r = shorthand(code, chunk.fileName);
      return { code: r.code, map: r.map as any };
    },
  };
}
