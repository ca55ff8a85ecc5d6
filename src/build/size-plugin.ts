// Measures the bundle: bytes, what `ristretto flash` writes of it to an
// Espruino board (espruino-tokens.ts), and the scheduler's share (the modules
// of src/core, src/sync and src/funcs, in proportion to their rendered size).
// Host only.

import path = require("path");
import type { OutputChunk, Plugin } from "rollup";
import { pretokenise } from "./espruino-tokens";

export interface SizeReport {
  file: string;
  bytes: number;
  /** On an Espruino board, the bytes `ristretto flash` writes to its Storage: the bundle pretokenised. */
  flashed?: number;
  schedulerBytes: number;
}

export function schedulerShare(chunk: OutputChunk, root: string): number {
  var ids = Object.keys(chunk.modules), all = 0, core = 0, i: number, rel: string, len: number;
  for (i = 0; i < ids.length; i++) {
    len = chunk.modules[ids[i]].renderedLength;
    rel = path.relative(root, ids[i]).split(path.sep).join("/");
    all += len;
    if (/^src\/(core|sync|funcs)\//.test(rel)) core += len;
  }
  return all ? core / all : 0;
}

export function sizePlugin(root: string, espruino: boolean, report: (r: SizeReport) => void): Plugin {
  return {
    name: "ristretto-size",
    generateBundle: function (_options, bundle) {
      Object.keys(bundle).forEach(function (name) {
        var chunk = bundle[name];
        if (chunk.type !== "chunk") return;
        var bytes = Buffer.byteLength(chunk.code);
        var r: SizeReport = { file: chunk.fileName, bytes: bytes, schedulerBytes: Math.round(bytes * schedulerShare(chunk, root)) };
        if (espruino) r.flashed = pretokenise(chunk.code).code.length;
        report(r);
      });
    },
  };
}
