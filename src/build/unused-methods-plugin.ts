// Runs unused-methods.ts on the bundle, before terser. Host only.

import type { Plugin, RenderedChunk } from "rollup";
import { dropUnusedMethods } from "./unused-methods";

/** `own`: ristretto's own field names in a chunk (internal-names.ts), whose reads may fold when nothing writes them. */
export function unusedMethodsPlugin(own: (chunk: RenderedChunk) => string[]): Plugin {
  return {
    name: "ristretto-unused-methods",
    renderChunk: function (code, chunk) {
      return dropUnusedMethods(code, own(chunk));
    },
  };
}
