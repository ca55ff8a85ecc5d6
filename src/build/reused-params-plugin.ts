// Runs reused-params.ts on the bundle after aliases-plugin.ts. Host only.

import type { Plugin } from "rollup";
import { reuseParams } from "./reused-params";

export function reusedParamsPlugin(): Plugin {
  return {
    name: "ristretto-reused-params",
    renderChunk: function (code) {
      return reuseParams(code);
    },
  };
}
