// The device build's half of "one source, two builds" (DESIGN.md decision 2):
// src/core/dev.ts's `DEV` becomes false, and the minifier then drops every
// `if (DEV)` branch (host-only checks, messages, names, hooks). `RUNTIME`
// becomes the board's runtime ("espruino", "kaluma", "sim"), so that a
// bundle leaves out what only another runtime needs. Host only.

import type { Plugin } from "rollup";

export function devPlugin(runtime: string): Plugin {
  return {
    name: "ristretto-dev",
    transform: function (code, id) {
      if (!/[\\/]src[\\/]core[\\/]dev\.(ts|js)$/.test(id)) return null;
      return { code: "export var DEV = false;\nexport var RUNTIME = " + JSON.stringify(runtime) + ";\n", map: { mappings: "" } };
    },
  };
}
