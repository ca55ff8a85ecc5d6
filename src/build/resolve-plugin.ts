// Resolves the framework's own module names for the device build: "ristretto"
// and "ristretto/io" to their sources, "tslib" to the coroutine helpers,
// "ristretto/board" to the chosen board's names (board-module.ts), and the
// HAL (src/hal/current.ts, uart-current.ts) to the adapters of the board's runtime. Host only.

import path = require("path");
import type { Plugin } from "rollup";
import { boardModule } from "./board-module";
import type { BoardProfile } from "./board-profile";

var BOARD = "\0ristretto/board";

export function resolvePlugin(root: string, profile: BoardProfile, instead?: { [id: string]: string }): Plugin {
  var ids: { [id: string]: string } = instead || {
    ristretto: path.join(root, "src/index.ts"),
    "ristretto/io": path.join(root, "src/io/index.ts"),
    tslib: path.join(root, "src/core/tslib.ts"),
  };
  ids["ristretto/board"] = BOARD;
  var current = path.join(root, "src/hal/current"), adapter = path.join(root, "src/hal/" + profile.runtime + ".ts");
  var uartCurrent = path.join(root, "src/hal/uart-current"), uartAdapter = path.join(root, "src/hal/" + profile.runtime + "-uart.ts");
  return {
    name: "ristretto-resolve",
    resolveId: function (id, importer) {
      if (ids.hasOwnProperty(id)) return ids[id];
      var to = importer && id.charAt(0) === "." ? path.resolve(path.dirname(importer), id).replace(/\.ts$/, "") : "";
      if (to === current) return adapter;
      if (to === uartCurrent) return uartAdapter;
      return null;
    },
    load: function (id) {
      return id === BOARD ? boardModule(profile) : null;
    },
  };
}
