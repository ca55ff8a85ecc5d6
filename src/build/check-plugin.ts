// Fails the build on anything Espruino cannot run (check.ts), naming the
// construct, why, what to use instead, and the TypeScript file and line
// (through the bundle's final source map). Host only.

import path = require("path");
import type { Plugin } from "rollup";
import { SourceMapConsumer } from "source-map-js";
import { check } from "./check";
import { diagnostic } from "./diagnostics";

export function checkPlugin(root: string, outDir: string): Plugin {
  return {
    name: "ristretto-check",
    generateBundle: function (_options, bundle) {
      var names = Object.keys(bundle), i: number, j: number;
      for (i = 0; i < names.length; i++) {
        var chunk = bundle[names[i]];
        if (chunk.type !== "chunk") continue;
        var findings = check(chunk.code);
        if (!findings.length) continue;
        var map = chunk.map ? new SourceMapConsumer(chunk.map as any) : undefined;
        var lines: string[] = [];
        for (j = 0; j < findings.length; j++) {
          var f = findings[j], orig = map ? map.originalPositionFor({ line: f.line, column: f.column }) : undefined;
          // The source's name for what the minified bundle renamed, where the map has it.
          var message = f.name && orig && orig.name ? f.message.replace("(" + f.name + ":)", "(" + orig.name + ":)") : f.message;
          if (orig && orig.source) lines.push(diagnostic(path.resolve(outDir, orig.source), orig.line, orig.column + 1, "dialect rule", message));
          else lines.push(diagnostic(path.join(outDir, chunk.fileName), f.line, f.column + 1, "dialect rule", f.message));
        }
        this.error(lines.join("\n"));
      }
    },
  };
}
