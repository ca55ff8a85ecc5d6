// Runs common-args.ts on the bundle after forwarders-plugin.ts. Host only.

import type { Plugin } from "rollup";
import { passCommonArgs } from "./common-args";

export function commonArgsPlugin(): Plugin {
  return {
    name: "ristretto-common-args",
    renderChunk: function (code) {
      return passCommonArgs(code);
    },
  };
}
