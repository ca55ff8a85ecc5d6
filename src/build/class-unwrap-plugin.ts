// Runs class-unwrap.ts on the bundle, before terser. Host only.

import MagicString from "magic-string";
import type { Plugin } from "rollup";
import { unwrapClasses } from "./class-unwrap";
import { parse } from "./lower";

export function classUnwrapPlugin(): Plugin {
  return {
    name: "ristretto-class-unwrap",
    renderChunk: function (code) {
      var s = new MagicString(code);
      if (!unwrapClasses(s, parse(code))) return null;
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
