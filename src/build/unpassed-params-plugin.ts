// Runs unpassed-params.ts on the bundle once the rewrites before terser are
// done (bundle-rewrites-plugin.ts: a class is no longer wrapped). Host only.

import type { Plugin } from "rollup";
import { localizeUnpassed } from "./unpassed-params";

export function unpassedParamsPlugin(): Plugin {
  return {
    name: "ristretto-unpassed-params",
    renderChunk: function (code) {
      return localizeUnpassed(code);
    },
  };
}
