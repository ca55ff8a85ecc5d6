// Lets the compiled TypeScript (tests, examples, benchmarks) run on Node:
// "tslib" resolves to the framework's own helpers, "ristretto" and
// "ristretto/io" to this package's build, and "ristretto/board" to the
// simulator's board, as the device build resolves them for a board. Host only; loaded with
// `node -r` (see .mocharc.js and package.json), or by the package's entry
// points (entry/host.js) when a plain Node script requires "ristretto".

import Module = require("module");
import path = require("path");

var root = path.resolve(__dirname, "../..");
var aliases: { [name: string]: string } = {
  tslib: path.join(root, "src/core/tslib.js"),
  ristretto: path.join(root, "src/index.js"),
  "ristretto/io": path.join(root, "src/io/index.js"),
  "ristretto/board": path.join(root, "src/sim/board-module.js"),
  "ristretto/sim": path.join(root, "src/sim/index.js"),
};
var M = Module as unknown as { _resolveFilename: (...args: any[]) => string };
var resolve = M._resolveFilename;

M._resolveFilename = function (this: unknown, request: unknown, parent?: { filename?: string }) {
  var args = arguments;
  // Packages in node_modules keep their own "tslib"; ristretto's files are ours wherever it is installed.
  var from = parent && parent.filename, ours = !from || from.indexOf(path.sep + "node_modules" + path.sep) < 0 || from.indexOf(root + path.sep) === 0;
  if (typeof request === "string" && aliases.hasOwnProperty(request) && ours) args[0] = aliases[request];
  return resolve.apply(this, args as unknown as unknown[]);
};
