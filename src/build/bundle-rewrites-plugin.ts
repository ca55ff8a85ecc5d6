// Runs the rewrites of the bundle that come before terser, on one parse of
// it: class-unwrap.ts, rest-args.ts, fallthrough-labels.ts,
// small-switches.ts, single-use-methods.ts and factory-calls.ts. Their
// edits never touch the same text (a class wrapper's head and tail, a rest
// parameter's copy, a state machine's label write where a case falls into
// the next, its switch's head and second case's, or where it has one case
// its writes of 0, a method's head, its `this` and its call, a factory and
// the names that call it), so one source map covers them all. Host only.

import MagicString from "magic-string";
import type { Plugin, RenderedChunk } from "rollup";
import { unwrapClasses } from "./class-unwrap";
import { inlineFactories } from "./factory-calls";
import { dropFallthroughLabels } from "./fallthrough-labels";
import { parse } from "./lower";
import { sliceRestArgs } from "./rest-args";
import { inlineSingleUseMethods } from "./single-use-methods";
import { dropSmallSwitches } from "./small-switches";

/** `own`: ristretto's own field names in a chunk (internal-names.ts), the methods that may become functions. */
export function bundleRewritesPlugin(own: (chunk: RenderedChunk) => string[]): Plugin {
  return {
    name: "ristretto-bundle-rewrites",
    renderChunk: function (code, chunk) {
      var s = new MagicString(code), ast = parse(code);
      var changed = [unwrapClasses(s, ast), sliceRestArgs(s, ast), dropFallthroughLabels(s, ast), dropSmallSwitches(s, ast), inlineSingleUseMethods(s, ast, own(chunk)), inlineFactories(s, ast)].some(Boolean);
      if (!changed) return null;
      return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
    },
  };
}

/**
 * single-use-methods.ts again, after the rewrites: a method whose other
 * callers were methods that went into their one call (`_resumeWith`, once
 * `_wake` is in gather's callback) may have one caller now.
 */
export function singleUseAgainPlugin(own: (chunk: RenderedChunk) => string[]): Plugin {
  return {
    name: "ristretto-single-use-again",
    renderChunk: function (code, chunk) {
      var s = new MagicString(code);
      if (!inlineSingleUseMethods(s, parse(code), own(chunk))) return null;
      return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
    },
  };
}
