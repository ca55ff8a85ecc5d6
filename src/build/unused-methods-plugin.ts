// Runs unused-methods.ts on the bundle, before terser. Host only.

import type { Plugin } from "rollup";
import { dropUnusedMethods } from "./unused-methods";

export function unusedMethodsPlugin(): Plugin {
  return {
    name: "ristretto-unused-methods",
    renderChunk: function (code) {
      return dropUnusedMethods(code);
    },
  };
}
