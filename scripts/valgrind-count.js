// Machine instructions a probe bundle takes on an interpreter, counted by
// valgrind (callgrind): the bundle runs with PROBE_ONLY = `only` and
// PROBE_ROUNDS = `rounds`, `before` and `after` around its text, the whole
// pretokenised when `flashed` (as `ristretto flash` writes code to Storage:
// src/build/espruino-tokens.ts). The count does not move with the machine's
// load, unlike a wall-clock figure.
// Used by bench-espruino.js and espruino-wakes.js.

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");

function countInstructions(bin, bundle, only, rounds, before, after, flashed) {
  var file = bundle.replace(/\.js$/, "." + only + (flashed ? ".flashed" : "") + ".js");
  var text = "var PROBE_ONLY=" + JSON.stringify(only) + ",PROBE_ROUNDS=" + rounds + ";\n" + before + fs.readFileSync(bundle, "utf8") + after;
  if (flashed) text = require(path.join(__dirname, "../.build/src/build/espruino-tokens.js")).pretokenise(text).code;
  fs.writeFileSync(file, text, "latin1");
  var r = childProcess.spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", bin, file], { input: "", encoding: "utf8", timeout: 600000 });
  var m = /Collected : (\d+)/.exec(r.stderr || "");
  if (!m) throw new Error("valgrind gave no count for " + only + ":\n" + (r.stderr || "").slice(-500));
  return Number(m[1]);
}

module.exports = { countInstructions: countInstructions };
