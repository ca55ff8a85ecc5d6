// Runs the rewrites of async functions (async-lowering.ts) on each module of
// TypeScript's output. Host only.

import type { Plugin } from "rollup";
import { lowerAsync } from "./async-lowering";
import type { Node } from "./lower";

export function asyncPlugin(): Plugin {
  return {
    name: "ristretto-async",
    transform: function (code) {
      if (code.indexOf("__generator") < 0) return null;
      return lowerAsync(code, this.parse(code) as unknown as Node);
    },
  };
}
