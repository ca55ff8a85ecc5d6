// Runs top-level.ts on the minified, lowered chunk, and then
// top-level-aliases.ts on what it gives. Host only.

import type { Plugin } from "rollup";
import { toTopLevel } from "./top-level";
import { collapseAliases } from "./top-level-aliases";

export function topLevelPlugin(): Plugin {
  return {
    name: "ristretto-top-level",
    renderChunk: function (code) {
      return toTopLevel(code);
    },
  };
}

export function topLevelAliasesPlugin(): Plugin {
  return {
    name: "ristretto-top-level-aliases",
    renderChunk: function (code) {
      return collapseAliases(code);
    },
  };
}
