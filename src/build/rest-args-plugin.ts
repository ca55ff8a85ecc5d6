// Runs rest-args.ts on the bundle, before terser. Host only.

import MagicString from "magic-string";
import type { Plugin } from "rollup";
import { sliceRestArgs } from "./rest-args";
import { parse } from "./lower";

export function restArgsPlugin(): Plugin {
  return {
    name: "ristretto-rest-args",
    renderChunk: function (code) {
      if (code.indexOf("arguments") < 0) return null;
      var s = new MagicString(code);
      if (!sliceRestArgs(s, parse(code))) return null;
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
