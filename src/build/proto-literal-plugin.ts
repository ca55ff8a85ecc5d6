// Runs proto-literal.ts on the minified chunk, before the lowering. Host only.

import type { Plugin } from "rollup";
import { literalPrototypes } from "./proto-literal";

export function protoLiteralPlugin(): Plugin {
  return {
    name: "ristretto-proto-literal",
    renderChunk: function (code) {
      return literalPrototypes(code);
    },
  };
}
