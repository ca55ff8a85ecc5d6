#!/usr/bin/env node
// npm run bench:espruino: the device probes (bench/espruino/switches.ts,
// memory.ts, wakes.ts: espruino-wakes.js, and every example loaded: espruino-load.js) on a real Espruino
// interpreter (espruino-interpreter.js), each figure beside its anchor from
// the same run. Not part of npm test: CI has no Espruino.

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");
var load = require("./espruino-load");
var wakeCounts = require("./espruino-wakes").wakeCounts;
var countInstructions = require("./valgrind-count").countInstructions;
var interpreter = require("./espruino-interpreter");

var root = path.resolve(__dirname, "..");

function onPath(name) {
  return (process.env.PATH || "").split(path.delimiter).some(function (d) {
    return fs.existsSync(path.join(d, name));
  });
}

/**
 * The switch probe's ratio counted in machine instructions (valgrind), which
 * the machine's load does not move, unlike the wall-clock ratio above: the
 * probe runs each side alone (PROBE_ONLY), and once with neither, whose count
 * (loading, the loop's start) comes off both. Each run has a clock that
 * stands still: valgrind runs the interpreter about 50 times slower, so the
 * loop's 20 ms slices would end every few switches instead of every few
 * hundred, and the count would carry what a real run barely pays (10% more).
 */
function instructionRatio(bin, bundle, flashed) {
  if (!onPath("valgrind")) return "switches by instruction count: no valgrind on PATH (apt-get install valgrind)";
  var rounds = 100, hops = 10 * rounds;
  function count(only) {
    return countInstructions(bin, bundle, only, rounds, "Date.now=function(){return 0};\n", "", flashed);
  }
  var none = count("none"), perSwitch = (count("switches") - none) / hops, perHop = (count("anchor") - none) / hops;
  return "switches by instruction count (valgrind" + (flashed ? ", as flashed" : "") + "): " + Math.round(perSwitch) + " a switch, " + Math.round(perHop) + " a Promise hop, ratio " + (perHop / perSwitch).toFixed(2);
}

/** The bundle as `ristretto flash` writes it to Storage (pretokenised), in a file beside it: the probes run it as a board does. */
function flashedCopy(bundle) {
  var file = bundle.replace(/\.js$/, ".flashed.js"), form = require(path.join(root, ".build/src/build/espruino-tokens.js")).pretokenise;
  fs.writeFileSync(file, form(fs.readFileSync(bundle, "utf8")).code, "latin1");
  return file;
}

async function main() {
  var run = interpreter.setUp(root, "bench-espruino");
  if (!run) return;
  var bin = run.bin, build = run.build, out = run.out;
  console.log("Espruino " + run.version + " at " + bin + "; bundles for espruino-pico, code in RAM: as built, and as flashed (pretokenised)");
  var probes = ["switches", "memory"];
  for (var i = 0; i < probes.length; i++) {
    var r = await build({ app: path.join(root, "bench/espruino", probes[i] + ".ts"), board: "espruino-pico", outDir: out }), bundle = path.join(out, r.file);
    [bundle, flashedCopy(bundle)].forEach(function (file, flashed) {
      var printed = childProcess.spawnSync(bin, [file], { input: "", encoding: "utf8", timeout: 300000 }).stdout || "";
      var line = printed.split("\n").filter(function (l) {
        return /switches\/s|per-task/.test(l);
      })[0];
      console.log(probes[i] + (flashed ? " (as flashed)" : "") + ": " + (line ? line.slice(line.search(/switches\/s|per-task/)) : "no result; it printed:\n" + printed.slice(-500)));
    });
    if (probes[i] === "switches") {
      console.log(instructionRatio(bin, bundle, false));
      console.log(instructionRatio(bin, bundle, true));
    }
  }
  if (onPath("valgrind")) {
    r = await build({ app: path.join(root, "bench/espruino/wakes.ts"), board: "espruino-pico", outDir: out });
    console.log(wakeCounts(bin, path.join(out, r.file), false));
    console.log(wakeCounts(bin, path.join(out, r.file), true));
  } else console.log("timed wakes by instruction count: no valgrind on PATH (apt-get install valgrind)");
  console.log("load: variables above an empty program once loaded and running (goal for blink-many: at most 400, code in RAM), as built and as flashed (pretokenised); the build's estimate for this interpreter's variables");
  var rows = await load.loadFigures(bin, root, out), stock = await load.stockFigures(bin, root, out);
  for (i = 0; i < rows.length; i++) {
    var x = rows[i], off = x.ram === undefined ? "" : " (" + (x.estimate >= x.ram ? "+" : "") + Math.round((100 * (x.estimate - x.ram)) / x.ram) + "%)";
    console.log("  " + x.name + " (" + x.board + ", " + x.bytes + " bytes, " + x.flashed + " as flashed): code in RAM " + x.ram + ", as flashed " + x.flashedRam + ", from Storage as flashed " + x.storage + ", estimate " + x.estimate + off);
  }
  console.log("  anchor: blink-many with TypeScript's stock helpers on the native Promise (" + stock.bytes + " bytes): code in RAM " + stock.ram + ", from Storage " + stock.storage);
  fs.rmSync(out, { recursive: true, force: true });
}

if (require.main === module) {
  main().catch(function (e) {
    console.error(e);
    process.exitCode = 1;
  });
}
module.exports = { instructionRatio: instructionRatio };
