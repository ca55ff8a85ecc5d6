// What the package's entry points (package.json "exports") share: they load
// ristretto's compiled host build (.build/) in a plain Node process, with no
// `node -r` hook given. Loading any of them installs the host resolution
// (src/sim/host-resolve.ts): "tslib" is ristretto's own async helpers, and
// "ristretto/board" is the simulator's board (RISTRETTO_BOARD, or "sim", until
// createSim(board) or selectBoard(board) changes it), as the firmware a
// script or a test runs on the host needs.
"use strict";

var fs = require("fs");
var path = require("path");

var build = path.join(__dirname, "..", ".build");

/** The compiled module at `file` (relative to .build/), after the host resolution is installed. */
module.exports = function load(file) {
  var hook = path.join(build, "src", "sim", "host-resolve.js");
  if (!fs.existsSync(hook)) {
    throw new Error("ristretto is not compiled (" + build + " has no src/sim/host-resolve.js): run npm run compile in " + path.dirname(build));
  }
  require(hook);
  return require(path.join(build, file));
};
