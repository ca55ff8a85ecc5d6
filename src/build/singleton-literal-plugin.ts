// Runs singleton-literal.ts on the minified chunk, after proto-literal.ts. Host only.

import type { Plugin } from "rollup";
import { singletonLiterals } from "./singleton-literal";

export function singletonLiteralPlugin(): Plugin {
  return {
    name: "ristretto-singleton-literal",
    renderChunk: function (code) {
      return singletonLiterals(code);
    },
  };
}
