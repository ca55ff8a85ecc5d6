#!/usr/bin/env node
// npm run compile: empties .build, then runs the host compile (tsc -p
// tsconfig.json, which emits) and the device type check (tsc -p
// tsconfig.device.json, ES5 library only, no emit) side by side, one per
// core. Fails, with both compilers' output, if either fails.

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");

var root = path.resolve(__dirname, "..");
var tsc = require.resolve("typescript/bin/tsc");
fs.rmSync(path.join(root, ".build"), { recursive: true, force: true });

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
