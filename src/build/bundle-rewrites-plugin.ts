// Runs the rewrites of the bundle that come before terser, on one parse of
// it: class-unwrap.ts, rest-args.ts and fallthrough-labels.ts. Their edits
// never touch the same text (a class wrapper's head and tail, a rest
// parameter's copy, a state machine's label write), so one source map covers
// them all. Host only.

import MagicString from "magic-string";
import type { Plugin } from "rollup";
import { unwrapClasses } from "./class-unwrap";
import { dropFallthroughLabels } from "./fallthrough-labels";
import { parse } from "./lower";
import { sliceRestArgs } from "./rest-args";

export function bundleRewritesPlugin(): Plugin {
  return {
    name: "ristretto-bundle-rewrites",
    renderChunk: function (code) {
      var s = new MagicString(code), ast = parse(code);
      var changed = [unwrapClasses(s, ast), sliceRestArgs(s, ast), dropFallthroughLabels(s, ast)].some(Boolean);
      if (!changed) return null;
      return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
    },
  };
}
