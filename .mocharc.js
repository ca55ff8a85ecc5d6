// mocha's settings for npm test. Files run in parallel; each file starts on
// the host's default board (test/support/fresh-host-board.ts), whatever board
// the file before it in that worker set. Bundles are shared through the
// build's cache (src/build/bundle-cache.ts). The timeout is a hang guard, not
// a verdict: tests wait on events or move virtual time, and a CPU-bound test
// on a busy machine must not fail for being slow.
//
// Mocha hands whole files to its workers in the order given, so the slowest
// files (test/slow-first.json; RISTRETTO_FILE_TIMES and scripts/file-times.js
// measure them) go first and the short ones fill in at the end, rather than a
// long file starting last and running alone. One worker more than the cores:
// some files wait on child processes and real serial links, and the spare
// worker keeps the cores busy meanwhile.

var fs = require("fs");
var os = require("os");
var path = require("path");

// Each run has a temporary folder of its own, removed when the run ends: the
// scratch folders of the tests (fs.mkdtempSync in os.tmpdir()), and of the
// commands they start, go there instead of piling up in the system's. The
// workers inherit it.
var scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-test-run-"));
process.env.TMPDIR = process.env.TMP = process.env.TEMP = scratch;
process.on("exit", function () {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** The compiled test files: the slow ones first, in their order, then the rest in path order. */
function specs() {
  var all = [];
  (function walk(dir) {
    if (!fs.existsSync(dir)) return;
    fs.readdirSync(dir, { withFileTypes: true }).forEach(function (e) {
      var p = dir + "/" + e.name;
      if (e.isDirectory()) walk(p);
      else if (/\.test\.js$/.test(e.name)) all.push(p);
    });
  })(".build/test");
  all.sort();
  var slow = JSON.parse(fs.readFileSync(path.join(__dirname, "test/slow-first.json"), "utf8")).map(function (f) {
    return ".build/" + f.replace(/\.ts$/, ".js");
  });
  return slow.filter(function (f) {
    return all.indexOf(f) >= 0;
  }).concat(all.filter(function (f) {
    return slow.indexOf(f) < 0;
  }));
}

module.exports = {
  spec: specs(),
  require: ["./.build/src/sim/host-resolve.js", "./.build/test/support/fresh-host-board.js", "./.build/test/support/file-times.js"],
  "node-option": ["enable-source-maps"],
  reporter: "./.build/test/support/summary-reporter.js",
  parallel: true,
  jobs: Math.max(2, os.cpus().length) + 1,
  timeout: 300000,
};
