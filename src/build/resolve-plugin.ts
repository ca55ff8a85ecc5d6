// Resolves the framework's own module names for the device build: "ristretto"
// to its source and "tslib" to its coroutine helpers. Host only.

import path = require("path");
import type { Plugin } from "rollup";

export function resolvePlugin(root: string, instead?: { ristretto: string; tslib: string }): Plugin {
  var ids: { [id: string]: string } = instead || {
    ristretto: path.join(root, "src/index.ts"),
    tslib: path.join(root, "src/core/tslib.ts"),
  };
  return {
    name: "ristretto-resolve",
    resolveId: function (id) {
      return ids.hasOwnProperty(id) ? ids[id] : null;
    },
  };
}
