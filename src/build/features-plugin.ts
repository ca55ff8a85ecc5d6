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
// - JUMPS, a lowered body's jump through the driver (`return [3, N]`, what
//   the async lowering could not turn into a `continue`: a labelled break out
//   of a loop of the body's own): kept when any module returns one.
// - WAITERS, awaiting a task and a task's waiters: kept when code can reach
//   a Task, that is when any module but those that make run()'s main task
//   calls createTask, currentTask or promote, or hears of a task's end
//   (`_onDone(`); when the app uses what run() returns; or when then() is
//   kept. Without it, awaiting a task would raise E_NOT_AWAITABLE, and no
//   code can hold one to await.
// The transform gives features.ts markers that rollup cannot evaluate;
// renderChunk writes true or false in their place, before terser. Host only.

import path = require("path");
import MagicString from "magic-string";
import type { Plugin, RenderedChunk } from "rollup";

var FEATURES = /[\\/]src[\\/]core[\\/]features\.(ts|js)$/;
var CALLS_THEN = /\.\s*(then|catch|finally)\b|["'](then|catch|finally)["']|\bPromise\b|\brequire\s*\(/;
var ENTERS_TRY = /\.(_try|trys\.push)\(\[\d/; // a region literal: [try, catch, finally, end]
var JUMPS_BACK = /\[\s*3\s*(\/\*[^*]*\*\/\s*)?,/; // [3 /*break*/, 4], as TypeScript writes it
var REACHES_TASK = /\b(createTask|currentTask|promote)(\$\d+)?\b|\._onDone\s*\(/; // called, or passed on to be called
// run()'s value used (not a statement of its own), or run itself passed on
var USES_RUN = /([=(,:?]|\breturn)\s*run(\$\d+)?\s*\(|(^|[^.\w$])run(\$\d+)?\b(?!\s*\()/m;
var COMMENT_LINE = /^\s*(\/\/|\/\*|\*).*$/gm; // a line of a comment: "then()" or "promote()" in prose is no call
var MAKE_MAIN_TASK = /[\\/]src[\\/]core[\\/](run|create-task|task)\.(ts|js)$/; // run() and the task itself

/** The flags for a chunk: which features its code can reach. */
export function featuresOf(chunk: RenderedChunk, root: string): { THEN: boolean; TRYS: boolean; WAITERS: boolean; JUMPS: boolean } {
  var own = path.join(root, "src") + path.sep, then = false, trys = false, waiters = false, jumps = false;
  Object.keys(chunk.modules).forEach(function (id) {
    var code = (chunk.modules[id].code || "").replace(COMMENT_LINE, ""), mine = id.indexOf(own) === 0;
    if (!mine && CALLS_THEN.test(code)) then = true;
    if (ENTERS_TRY.test(code)) trys = true;
    if (JUMPS_BACK.test(code)) jumps = true;
    if ((!MAKE_MAIN_TASK.test(id) && REACHES_TASK.test(code)) || (!mine && USES_RUN.test(code))) waiters = true;
  });
  return { THEN: then, TRYS: trys || then, WAITERS: waiters || then, JUMPS: jumps };
}

export function featuresPlugin(root: string): Plugin {
  return {
    name: "ristretto-features",
    transform: function (code, id) {
      if (!FEATURES.test(id)) return null;
      return { code: ["THEN", "TRYS", "WAITERS", "JUMPS"].map((f) => "export var " + f + ' = __feature("' + f + '");\n').join(""), map: { mappings: "" } };
    },
    renderChunk: function (code, chunk) {
      var flags = featuresOf(chunk, root) as { [name: string]: boolean }, s = new MagicString(code), m: RegExpExecArray | null;
      var marker = /__feature\("(\w+)"\)/g;
      while ((m = marker.exec(code))) s.overwrite(m.index, m.index + m[0].length, String(flags[m[1]]));
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
