// Runs frame-names.ts on each module, after the async lowering. Host only.

import path = require("path");
import type { Plugin } from "rollup";
import { renameFrameFields } from "./frame-names";
import type { Node } from "./lower";

/** `root`: ristretto's, whose own modules have every `.label` and `.trys` renamed. */
export function frameNamesPlugin(root: string): Plugin {
  var own = path.join(root, "src") + path.sep;
  return {
    name: "ristretto-frame-names",
    transform: function (code, id) {
      var mine = id.indexOf(own) === 0;
      if (!/\.(label|trys)\b/.test(code) || (!mine && code.indexOf("__generator") < 0)) return null;
      return renameFrameFields(code, this.parse(code) as unknown as Node, mine);
    },
  };
}
