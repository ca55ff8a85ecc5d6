// Runs fallthrough-labels.ts on the bundle, before terser. Host only.

import MagicString from "magic-string";
import type { Plugin } from "rollup";
import { dropFallthroughLabels } from "./fallthrough-labels";
import { parse } from "./lower";

export function fallthroughLabelsPlugin(): Plugin {
  return {
    name: "ristretto-fallthrough-labels",
    renderChunk: function (code) {
      var s = new MagicString(code);
      if (!dropFallthroughLabels(s, parse(code))) return null;
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
