// Runs unused-methods.ts on the bundle, before terser. Host only.

import type { Plugin } from "rollup";
import { dropUnusedMethods } from "./unused-methods";

/** `own`: ristretto's own field names (internal-names.ts), whose reads may fold when nothing writes them. */
export function unusedMethodsPlugin(own: string[]): Plugin {
  return {
    name: "ristretto-unused-methods",
    renderChunk: function (code) {
      return dropUnusedMethods(code, own);
    },
  };
}
