// Runs unique-names.ts on the bundle, just before terser. Host only.

import type { Plugin } from "rollup";
import { uniqueNames } from "./unique-names";

export function uniqueNamesPlugin(): Plugin {
  return {
    name: "ristretto-unique-names",
    renderChunk: function (code) {
      return uniqueNames(code);
    },
  };
}
