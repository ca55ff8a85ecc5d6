// Runs aliases.ts on the bundle once it runs at the top level (after
// top-level-plugin.ts). Host only.

import type { Plugin } from "rollup";
import { collapseAliases } from "./aliases";

export function aliasesPlugin(): Plugin {
  return {
    name: "ristretto-aliases",
    renderChunk: function (code) {
      return collapseAliases(code);
    },
  };
}
