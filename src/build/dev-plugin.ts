// The device build's half of "one source, two builds" (DESIGN.md decision 2):
// src/core/dev.ts's `DEV` becomes false, and the minifier then drops every
// `if (DEV)` branch (host-only checks, messages, names, hooks). Host only.

import type { Plugin } from "rollup";

export function devPlugin(): Plugin {
  return {
    name: "ristretto-dev",
    transform: function (code, id) {
      if (!/[\\/]src[\\/]core[\\/]dev\.(ts|js)$/.test(id)) return null;
      return { code: "export var DEV = false;\n", map: { mappings: "" } };
    },
  };
}
