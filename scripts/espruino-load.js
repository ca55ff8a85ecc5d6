// The load probe of npm run bench:espruino: the variables an example holds
// once loaded and running (process.memory().usage two seconds after it
// starts, minus an empty program's in the same way), with its code in RAM
// (the file run directly), as built and as flashed (pretokenised:
// src/build/espruino-tokens.ts), and from Storage as flashed (written to
// Storage and started with load(file), as `ristretto flash` does), beside
// the build's estimate; and the same for blink-many with TypeScript's stock
// helpers, the anchor.
// Espruino's Linux build has pins D0... only: see onLinux().

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");

var MARK = "ristretto-usage ";
var TRAILER = 'setTimeout(function(){print("' + MARK + '"+process.memory().usage)},2000);';

/**
 * The bundle on Espruino's Linux build: the board's pin names it mentions
 * (as globals or as strings) become D0, D1, ... The empty program gets the
 * same `var` line.
 */
function onLinux(code, profile) {
  var names = Object.keys(profile.pins).filter(function (p) {
    return !/^D\d+$/.test(p) && new RegExp("\\b" + p + "\\b").test(code);
  });
  var vars = names.map(function (p, i) {
    code = code.split('"' + p + '"').join('"D' + i + '"');
    return p + "=D" + i;
  });
  return { prelude: vars.length ? "var " + vars.join(",") + ";\n" : "", code: code };
}

/** Runs `args` in `dir` until it prints the usage line (or 20 s pass); the usage, or undefined. */
function usageOf(bin, args, dir) {
  return new Promise(function (resolve) {
    var child = childProcess.spawn(bin, args, { cwd: dir, stdio: ["pipe", "pipe", "pipe"] }), text = "";
    var guard = setTimeout(finish, 20000);
    function finish() {
      clearTimeout(guard);
      child.kill("SIGKILL");
      var m = new RegExp(MARK + "(\\d+)").exec(text);
      resolve(m ? Number(m[1]) : undefined);
    }
    child.stdout.on("data", function (d) {
      text += d;
      if (new RegExp(MARK + "\\d+\\r?\\n").test(text)) finish();
    });
    child.on("error", finish);
  });
}

/** Usage with `text` (a binary string) run from a file (code in RAM) and from Storage via load(). */
async function usages(bin, text, dir) {
  var file = path.join(dir, "probe.js"), base64 = Buffer.from(text, "latin1").toString("base64");
  fs.writeFileSync(file, text, "latin1");
  var ram = await usageOf(bin, [file], dir);
  fs.rmSync(path.join(dir, "espruino.flash"), { force: true });
  var storage = await usageOf(bin, ["-e", "require('Storage').write('probe.js',atob('" + base64 + "'));load('probe.js');"], dir);
  fs.rmSync(path.join(dir, "espruino.flash"), { force: true });
  return { ram: ram, storage: storage };
}

/**
 * Each example of firmware/size-budgets.json: its bytes, variables above an
 * empty program (code in RAM, from Storage) and the build's estimate for the
 * Linux build's variables.
 */
async function loadFigures(bin, root, dir) {
  var build = require(path.join(root, ".build/src/build/build.js")).build;
  var estimateVariables = require(path.join(root, ".build/src/cli/size-line.js")).estimateVariables;
  var tokens = require(path.join(root, ".build/src/build/espruino-tokens.js"));
  var linuxProfile = JSON.parse(fs.readFileSync(path.join(root, "boards/linux.json"), "utf8"));
  var sizes = JSON.parse(fs.readFileSync(path.join(root, "firmware/size-budgets.json"), "utf8"));
  var rows = [];
  for (var name of Object.keys(sizes.examples)) {
    var board = sizes.examples[name].board || sizes.board;
    var profile = JSON.parse(fs.readFileSync(path.join(root, "boards", board + ".json"), "utf8"));
    var r = await build({ app: path.join(root, "firmware", name), board: board, outDir: dir });
    var code = fs.readFileSync(path.join(dir, r.file), "utf8"), linux = onLinux(code, profile);
    var empty = await usages(bin, linux.prelude + TRAILER, dir);
    var full = await usages(bin, linux.prelude + linux.code + "\n" + TRAILER, dir);
    var emptyFlashed = await usages(bin, tokens.pretokenise(linux.prelude + TRAILER).code, dir);
    var flashed = await usages(bin, tokens.pretokenise(linux.prelude + linux.code).code + "\n" + tokens.pretokenise(TRAILER).code, dir);
    rows.push({
      name: name,
      board: board,
      bytes: r.bytes,
      flashed: r.flashed,
      estimate: estimateVariables(code, linuxProfile),
      ram: difference(full.ram, empty.ram),
      flashedRam: difference(flashed.ram, emptyFlashed.ram),
      storage: difference(flashed.storage, emptyFlashed.storage),
    });
  }
  return rows;
}

/**
 * The anchor: blink-many built with TypeScript's stock ES5 helpers on the
 * native Promise (`npm run bench`'s baseline: its every() a setTimeout chain,
 * gather Promise.all), code in RAM and from Storage, as built.
 */
async function stockFigures(bin, root, dir) {
  var build = require(path.join(root, ".build/src/build/build.js")).build;
  var baseline = { runtime: path.join(root, "bench/baseline-runtime.ts"), io: path.join(root, "bench/baseline-io.ts") };
  var profile = JSON.parse(fs.readFileSync(path.join(root, "boards/espruino-pico.json"), "utf8"));
  var r = await build({ app: path.join(root, "firmware/blink-many"), board: "espruino-pico", outDir: dir, baseline: baseline });
  var linux = onLinux(fs.readFileSync(path.join(dir, r.file), "utf8"), profile);
  var empty = await usages(bin, linux.prelude + TRAILER, dir), full = await usages(bin, linux.prelude + linux.code + "\n" + TRAILER, dir);
  return { bytes: r.bytes, ram: difference(full.ram, empty.ram), storage: difference(full.storage, empty.storage) };
}

function difference(a, b) {
  return a === undefined || b === undefined ? undefined : a - b;
}

module.exports = { loadFigures: loadFigures, stockFigures: stockFigures };
