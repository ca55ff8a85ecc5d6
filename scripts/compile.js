#!/usr/bin/env node
// npm run compile: empties .build, then runs the host compile (tsc -p
// tsconfig.json, which emits) and the device type check (tsc -p
// tsconfig.device.json, ES5 library only, no emit) side by side, one per
// core. Fails, with both compilers' output, if either fails.
// The bundle cache (.build/bundle-cache, src/build/bundle-cache.ts) stays:
// its entries are keyed by the contents of all a build reads, the compiled
// build code included, so they hold across compiles; only entries no build
// has used for KEEP_DAYS go.

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");

var root = path.resolve(__dirname, "..");
var tsc = require.resolve("typescript/bin/tsc");
var build = path.join(root, ".build"), CACHE = "bundle-cache", KEEP_DAYS = 3;

/** Removes the cache entries whose entry.json (touched at each hit) is older than KEEP_DAYS, and as old half-written ones. */
function pruneCache(dir) {
  var old = Date.now() - KEEP_DAYS * 86400000;
  fs.readdirSync(dir).forEach(function (e) {
    var meta = path.join(dir, e, "entry.json");
    if (fs.statSync(fs.existsSync(meta) ? meta : path.join(dir, e)).mtimeMs < old) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
  });
}

if (fs.existsSync(build)) {
  fs.readdirSync(build).forEach(function (f) {
    if (f !== CACHE) fs.rmSync(path.join(build, f), { recursive: true, force: true });
  });
  if (fs.existsSync(path.join(build, CACHE))) pruneCache(path.join(build, CACHE));
}

var left = 2, failed = false;
["tsconfig.json", "tsconfig.device.json"].forEach(function (config) {
  var child = childProcess.spawn(process.execPath, [tsc, "-p", config], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  var out = "";
  child.stdout.on("data", function (d) {
    out += d;
  });
  child.stderr.on("data", function (d) {
    out += d;
  });
  child.on("close", function (code) {
    if (out) process.stdout.write(out);
    if (code !== 0) failed = true;
    if (--left === 0) process.exitCode = failed ? 1 : 0;
  });
});
