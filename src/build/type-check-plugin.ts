// The type check (type-check.ts) as a rollup plugin, for a build run by
// rollup itself (`npx rollup -c`, rollup.config.js): it starts with the build
// and fails it, once the bundle is generated, with the app's type errors.
// build.ts starts the check itself, earlier, and does without it. Host only.

import type { Plugin } from "rollup";
import { checkApart } from "./check-client";
import type { CheckRequest } from "./type-check";

export function typeCheckPlugin(request: CheckRequest): Plugin {
  var errors: Promise<string[]> | undefined;
  return {
    name: "ristretto-type-check",
    buildStart: function () {
      errors = checkApart(request).errors;
      errors.catch(function () {}); // awaited in generateBundle, unless the build fails before
    },
    generateBundle: async function () {
      var found = await errors!;
      if (found.length) this.error(found.join("\n"));
    },
  };
}
