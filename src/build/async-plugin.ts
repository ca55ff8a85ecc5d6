// Runs the rewrites of async functions (async-lowering.ts) on each module of
// TypeScript's output. Host only.

import path = require("path");
import type { Plugin } from "rollup";
import { lowerAsync } from "./async-lowering";
import type { Node } from "./lower";

/** `root`: ristretto's, whose own modules import sleepMs from core/sleep (the app from "ristretto"). */
export function asyncPlugin(root: string): Plugin {
  var own = path.join(root, "src") + path.sep;
  return {
    name: "ristretto-async",
    transform: function (code, id) {
      if (code.indexOf("__generator") < 0) return null;
      return lowerAsync(code, this.parse(code) as unknown as Node, function (source) {
        return source === "ristretto" || (id.indexOf(own) === 0 && /^\.\.?\/(\.\.\/core\/|core\/)?sleep$/.test(source));
      });
    },
  };
}
