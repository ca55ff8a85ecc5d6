// Runs top-level.ts on the minified, lowered chunk. Host only.

import type { Plugin } from "rollup";
import { toTopLevel } from "./top-level";

export function topLevelPlugin(): Plugin {
  return {
    name: "ristretto-top-level",
    renderChunk: function (code) {
      return toTopLevel(code);
    },
  };
}
