// Which lines of ristretto's own source a device bundle holds and never
// runs: each bundle runs to its end in a fresh Node context with the
// engines' timer shim, under V8's block coverage, and each byte of the
// bundle that never ran is traced through the source map to the line it
// came from. A line counts as run when any of its bytes in any bundle ran.

import fs = require("fs");
import inspector = require("inspector");
import path = require("path");
import vm = require("vm");
import { SourceMapConsumer } from "source-map-js";
import { SHIM } from "../../src/sim/timer-shim";

interface Range {
  startOffset: number;
  endOffset: number;
  count: number;
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise(function (resolve, reject) {
    session.post(method, params || {}, function (e, r) {
      if (e) reject(e);
      else resolve(r as T);
    });
  });
}

/** How many times each byte of a script ran: the innermost range that holds it says (V8 nests them). */
function byteCounts(length: number, functions: { ranges: Range[] }[]): Int32Array {
  var counts = new Int32Array(length), ranges: Range[] = [];
  functions.forEach(function (f) {
    ranges.push.apply(ranges, f.ranges);
  });
  ranges.sort(function (a, b) {
    return a.startOffset - b.startOffset || b.endOffset - b.startOffset - (a.endOffset - a.startOffset);
  });
  ranges.forEach(function (r) {
    counts.fill(r.count, r.startOffset, Math.min(r.endOffset, length));
  });
  return counts;
}

/**
 * Runs each bundle (a file with its source map beside it, `<file>.map`) and
 * gives "src/x.ts:line" of every line of `root`/src that some bundle holds
 * and none ran, in order.
 */
export async function linesNeverRun(root: string, bundles: string[]): Promise<string[]> {
  var session = new inspector.Session(), held: { [line: string]: boolean } = {}, ran: { [line: string]: boolean } = {};
  var taken: { result: { url: string; functions: { ranges: Range[] }[] }[] };
  session.connect();
  try {
    await post(session, "Profiler.enable");
    await post(session, "Profiler.startPreciseCoverage", { callCount: true, detailed: true });
    bundles.forEach(function (b, i) {
      var context = vm.createContext({ __print: function () {} });
      vm.runInContext(SHIM, context);
      vm.runInContext(fs.readFileSync(b, "utf8"), context, { filename: "bundle-" + i + ".js" });
      vm.runInContext("while (__fire(Infinity));", context);
    });
    taken = await post<typeof taken>(session, "Profiler.takePreciseCoverage");
    await post(session, "Profiler.stopPreciseCoverage");
  } finally {
    session.disconnect();
  }
  var own = path.join(root, "src") + path.sep;
  bundles.forEach(function (b, i) {
    var code = fs.readFileSync(b, "utf8"), script = taken.result.filter((s) => s.url === "bundle-" + i + ".js")[0];
    var counts = byteCounts(code.length, script.functions), lineStarts = [0], k: number;
    for (k = 0; k < code.length; k++) if (code[k] === "\n") lineStarts.push(k + 1);
    new SourceMapConsumer(JSON.parse(fs.readFileSync(b + ".map", "utf8"))).eachMapping(function (m) {
      var source = m.source && path.resolve(path.dirname(b), m.source);
      if (!source || source.indexOf(own) !== 0) return;
      var line = path.relative(root, source).split(path.sep).join("/") + ":" + m.originalLine;
      held[line] = true;
      if (counts[lineStarts[m.generatedLine - 1] + m.generatedColumn] > 0) ran[line] = true;
    });
  });
  return Object.keys(held)
    .filter((l) => !ran[l])
    .sort(function (a, b) {
      var x = a.split(":"), y = b.split(":");
      return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : +x[1] - +y[1];
    });
}
