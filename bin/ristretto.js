#!/usr/bin/env node
// The `ristretto` command (package.json "bin"): runs the compiled command line,
// .build/src/cli/ristretto.js, with the hook that resolves "ristretto",
// "ristretto/board" and "tslib" on the host (as npm's scripts do with node -r),
// and with source maps on, so errors name TypeScript lines.
// When .build is missing or older than a .ts file in src/ (ristretto itself),
// this compiles first (npm run compile, a few seconds) and says so.
// RISTRETTO_NO_COMPILE=1 skips that. Apps are not compiled here: `sim`
// compiles the app's own module graph (src/cli/app-compile.ts) and `build`
// its bundle's, so one app's error never stops another.
"use strict";

var fs = require("fs");
var path = require("path");
var childProcess = require("child_process");

var root = path.resolve(__dirname, "..");
var entry = path.join(root, ".build", "src", "cli", "ristretto.js");

/** The first .ts file under `dir` changed after `since` (ms), or "". */
function newer(dir, since) {
  var names = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [];
  for (var i = 0; i < names.length; i++) {
    var p = path.join(dir, names[i].name);
    if (names[i].isDirectory()) {
      var found = newer(p, since);
      if (found) return found;
    } else if (/\.ts$/.test(p) && fs.statSync(p).mtimeMs > since) return p;
  }
  return "";
}

/** Why the build must be made again, or "". */
function stale() {
  if (!fs.existsSync(entry)) return "there is no compiled build (.build) yet";
  var built = fs.statSync(entry).mtimeMs, changed = newer(path.join(root, "src"), built);
  return changed ? path.relative(root, changed) + " changed since the last compile" : "";
}

var why = process.env.RISTRETTO_NO_COMPILE ? "" : stale();
if (why) {
  process.stderr.write("ristretto: compiling, as " + why + " (npm run compile)\n");
  var npm = process.platform === "win32" ? "npm.cmd" : "npm";
  var r = childProcess.spawnSync(npm, ["run", "--silent", "compile"], { cwd: root, stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  if (r.status !== 0) {
    process.stderr.write("ristretto: the compile failed (see above); fix it, or run npm run compile to see it again\n");
    process.exit(1);
  }
}
if (!fs.existsSync(entry)) {
  process.stderr.write("ristretto: " + path.relative(process.cwd(), entry) + " is missing: run npm run compile first\n");
  process.exit(1);
}

process.setSourceMapsEnabled(true);
require(path.join(root, ".build", "src", "sim", "host-resolve.js"));
require(entry)
  .runProcess(process.argv.slice(2))
  .then(function (code) {
    process.exitCode = code;
  });
