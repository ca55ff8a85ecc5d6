// Where in the TypeScript a bundle's exception was thrown: QuickJS's stack
// frames ("    at f (blink.espruino-pico.js:1:2345)") through the bundle's
// source map (the build writes <bundle>.js.map). Host only.

import fs = require("fs");
import path = require("path");
import type { SourceMapConsumer } from "source-map-js";

var FRAME = /\(?([^\s()]+):(\d+):(\d+)\)?\s*$/;

/**
 * A function from a QuickJS stack to "firmware/x/main.ts:12:5" (relative to
 * the working directory): the first frame outside ristretto's own src/, else
 * the first that maps; "" when none does or the bundle has no map.
 */
export function sourceLines(bundleFile: string | undefined, name: string, root: string): (stack: string) => string {
  var mapFile = bundleFile ? bundleFile + ".map" : "";
  if (!mapFile || !fs.existsSync(mapFile)) {
    return function () {
      return "";
    };
  }
  var consumer: SourceMapConsumer | undefined, dir = path.dirname(path.resolve(mapFile)), own = path.join(root, "src") + path.sep;
  return function (stack) {
    if (!consumer) {
      var smj: typeof import("source-map-js") = require("source-map-js");
      consumer = new smj.SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, "utf8")));
    }
    var first = "", lines = stack.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var m = FRAME.exec(lines[i]);
      if (!m || m[1] !== name) continue;
      var o = consumer.originalPositionFor({ line: +m[2], column: +m[3] - 1 });
      if (!o.source) continue;
      var file = path.resolve(dir, o.source), where = path.relative(process.cwd(), file) + ":" + o.line + ":" + (o.column + 1);
      if (file.indexOf(own) !== 0) return where;
      if (!first) first = where;
    }
    return first;
  };
}
