#!/usr/bin/env node
// npm run test:espruino: device bundles on a real Espruino interpreter
// (espruino-interpreter.js), each in three forms: as built, sent to RAM; as
// flashed (pretokenised), sent to RAM; and as flashed, written to Storage and
// started with load(), as `ristretto flash` runs it. The checks are
// device-runs.js's: the host's tests of the scheduler, the engine programs,
// the talk (built for the linux board) and random programs, in virtual time,
// so seconds of firmware take milliseconds.
// Not part of npm test: CI has no Espruino. Exits with 1 when anything differs.

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");
var interpreter = require("./espruino-interpreter");
var runs = require("./device-runs");

var root = path.resolve(__dirname, "..");

/** The three forms a bundle runs in (runOn()'s `form` is the index), as the results name them. */
var FORMS = ["", " as flashed", " from Storage"];

/** What `bundle` prints on `bin` in FORMS[form], in virtual time: its lines, without the prompt's marks and a stack line's. */
function runOn(bin, bundle, form) {
  var code = fs.readFileSync(bundle, "utf8").replace(/\n?\/\/# sourceMappingURL=.*/, ""), dir = path.dirname(bundle), r;
  if (form) code = require(path.join(root, ".build/src/build/espruino-tokens.js")).pretokenise(code).code;
  // The shim's timers fire until none is left. A file run from the command line then quits; after load() there is
  // no quit(), and the interpreter ends with its input (none).
  var text = "var __print = function (s) { print(s); };\n" + require(path.join(root, ".build/src/sim/timer-shim.js")).SHIM + "\n" + code + "\n;while (__fire(Infinity));\n";
  if (form < 2) {
    var file = path.join(dir, "form" + form + "-" + path.basename(bundle));
    fs.writeFileSync(file, text + "quit();\n", "latin1");
    r = childProcess.spawnSync(bin, [file], { input: "", encoding: "latin1", timeout: runs.HANG_MS, maxBuffer: 1 << 26 });
  } else {
    var write = "require('Storage').write('t.js',atob('" + Buffer.from(text, "latin1").toString("base64") + "'));load('t.js');";
    r = childProcess.spawnSync(bin, ["-e", write], { cwd: dir, input: "", encoding: "latin1", timeout: runs.HANG_MS, maxBuffer: 1 << 26 });
    fs.rmSync(path.join(dir, "espruino.flash"), { force: true }); // the Linux build's flash, in the folder it runs in
  }
  return runs
    .printed(r)
    .replace(/\r|\x1b\[J/g, "")
    .split("\n")
    .map(function (l) {
      return l.replace(/^>+/, "");
    })
    .filter(function (l) {
      return l !== "" && !/^ {4}at /.test(l) && !/FIFO_FULL/.test(l); // the Linux build's console may say so when a program prints fast
    });
}

async function main() {
  var run = interpreter.setUp(root, "test-espruino");
  if (!run) return;
  console.log("Espruino " + run.version + " at " + run.bin + "; each bundle as built, as flashed (pretokenised), and from Storage");
  await runs.runDeviceChecks({
    build: run.build,
    out: run.out,
    board: "espruino-pico",
    talkBoard: "linux",
    forms: FORMS,
    runOn: function (bundle, form) {
      return runOn(run.bin, bundle, form);
    },
  });
}

main().catch(function (e) {
  console.error(e);
  process.exitCode = 1;
});
