// Where in the TypeScript a bundle position is: "blink.espruino-pico.js:1:2345"
// (a QuickJS stack frame, or what a device prints) through the bundle's source
// map (the build writes <bundle>.js.map). Host only.

import fs = require("fs");
import path = require("path");
import type { SourceMapConsumer } from "source-map-js";

var FRAME = /\(?([^\s()]*):(\d+):(\d+)\)?\s*$/;

/** A TypeScript position, relative to the working directory, and whether it is in ristretto's own src/. */
export interface SourcePosition {
  where: string;
  own: boolean;
}

/**
 * A function from a position in the bundle (line, and column from 1) to its
 * TypeScript position; undefined where nothing maps. The map is read on the
 * first call. Without a map every position gives undefined.
 */
export function bundlePositions(bundleFile: string | undefined, root: string): (line: number, column: number) => SourcePosition | undefined {
  var mapFile = bundleFile ? bundleFile + ".map" : "";
  if (!mapFile || !fs.existsSync(mapFile)) {
    return function () {
      return undefined;
    };
  }
  var consumer: SourceMapConsumer | undefined, dir = path.dirname(path.resolve(mapFile)), own = path.join(root, "src") + path.sep;
  return function (line, column) {
    if (!consumer) {
      var smj: typeof import("source-map-js") = require("source-map-js");
      consumer = new smj.SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, "utf8")));
    }
    var o = consumer.originalPositionFor({ line: line, column: column - 1 });
    if (!o.source) return undefined;
    var file = path.resolve(dir, o.source);
    return { where: path.relative(process.cwd(), file) + ":" + o.line + ":" + (o.column + 1), own: file.indexOf(own) === 0 };
  };
}

/** The frame of a stack line ("    at f (name:1:30)", "    at name:1:30"): the file's name, line and column; undefined for other lines. */
export function stackFrame(line: string): { name: string; line: number; column: number } | undefined {
  var m = /^\s+at /.test(line) ? FRAME.exec(line) : null;
  return m ? { name: m[1], line: +m[2], column: +m[3] } : undefined;
}

/**
 * A function from a QuickJS stack to "firmware/x/main.ts:12:5" (relative to
 * the working directory): the first frame of `name` outside ristretto's own
 * src/, else the first that maps; "" when none does or the bundle has no map.
 */
export function sourceLines(bundleFile: string | undefined, name: string, root: string): (stack: string) => string {
  var at = bundlePositions(bundleFile, root);
  return function (stack) {
    var first = "", lines = stack.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var f = stackFrame(lines[i]), p = f && f.name === name ? at(f.line, f.column) : undefined;
      if (!p) continue;
      if (!p.own) return p.where;
      if (!first) first = p.where;
    }
    return first;
  };
}
