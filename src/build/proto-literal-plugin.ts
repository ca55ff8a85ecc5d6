// Runs proto-literal.ts on the minified chunk, before the lowering. Host only.

import type { Plugin } from "rollup";
import { literalPrototypes } from "./proto-literal";

/** `methods`: the shorthand pass will write the literal's functions as methods. */
export function protoLiteralPlugin(methods: boolean): Plugin {
  return {
    name: "ristretto-proto-literal",
    renderChunk: function (code) {
      return literalPrototypes(code, methods);
    },
  };
}
