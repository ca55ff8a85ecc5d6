// Runs forwarders.ts on the bundle after aliases-plugin.ts. Host only.

import type { Plugin } from "rollup";
import { dropForwarders } from "./forwarders";

export function forwardersPlugin(): Plugin {
  return {
    name: "ristretto-forwarders",
    renderChunk: function (code) {
      return dropForwarders(code);
    },
  };
}
