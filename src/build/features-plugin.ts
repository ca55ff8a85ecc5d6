// Sets the flags of src/core/features.ts for one bundle: a flag is false when
// nothing in the program can reach the code it guards, and terser then drops
// that code.
// - THEN, then() of ristretto's awaitables: kept when code outside
//   ristretto's own modules could call it, that is when it mentions `.then`,
//   `.catch` or `.finally` (or those names as strings), `Promise` (a native
//   Promise adopts an awaitable by calling its then()), or `require(` (a
//   module of the runtime could do either). Awaiting a native Promise needs
//   no then() of ours.
// - TRYS, try regions: kept when a lowered async function enters one
//   (`_try(`), or when then() is kept (its rejection handler is one).
// The transform gives features.ts markers that rollup cannot evaluate;
// renderChunk writes true or false in their place, before terser. Host only.

import path = require("path");
import MagicString from "magic-string";
import type { Plugin, RenderedChunk } from "rollup";

var FEATURES = /[\\/]src[\\/]core[\\/]features\.(ts|js)$/;
var CALLS_THEN = /\.\s*(then|catch|finally)\b|["'](then|catch|finally)["']|\bPromise\b|\brequire\s*\(/;
var ENTERS_TRY = /\.(_try|trys\.push)\(\[\d/; // a region literal: [try, catch, finally, end]

/** The flags for a chunk: which features its code can reach. */
export function featuresOf(chunk: RenderedChunk, root: string): { THEN: boolean; TRYS: boolean } {
  var own = path.join(root, "src") + path.sep, then = false, trys = false;
  Object.keys(chunk.modules).forEach(function (id) {
    var code = chunk.modules[id].code || "";
    if (id.indexOf(own) !== 0 && CALLS_THEN.test(code)) then = true;
    if (ENTERS_TRY.test(code)) trys = true;
  });
  return { THEN: then, TRYS: trys || then };
}

export function featuresPlugin(root: string): Plugin {
  return {
    name: "ristretto-features",
    transform: function (code, id) {
      if (!FEATURES.test(id)) return null;
      return { code: 'export var THEN = __feature("THEN");\nexport var TRYS = __feature("TRYS");\n', map: { mappings: "" } };
    },
    renderChunk: function (code, chunk) {
      var flags = featuresOf(chunk, root) as { [name: string]: boolean }, s = new MagicString(code), m: RegExpExecArray | null;
      var marker = /__feature\("(\w+)"\)/g;
      while ((m = marker.exec(code))) s.overwrite(m.index, m.index + m[0].length, String(flags[m[1]]));
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
