#!/usr/bin/env node
// npm run test:espruino: device bundles on a real Espruino interpreter
// (espruino-interpreter.js), each in three forms: as built, sent to RAM; as
// flashed (pretokenised), sent to RAM; and as flashed, written to Storage and
// started with load(), as `ristretto flash` runs it. Each in the virtual time
// of the engines' timer shim (src/sim/timer-shim.ts, run before the bundle),
// so seconds of firmware take milliseconds:
// - the host's tests of the scheduler (test/support/device-suites.ts: the
//   ports of uasyncio's tests, and the primitives'): every test passes, as on
//   the host and in QuickJS (test/engines/device-suites.test.ts), but those
//   only the host runs;
// - the engine programs (test/engines/): the lines of their golden files;
// - the talk, built for the linux board: the console lines of its golden
//   trace (test/golden/talk.trace), less the stack line Espruino adds;
// - random programs (test/support/random-programs.ts; RISTRETTO_SEEDS=a-b,
//   default 1-20): the lines each prints on the host's simulation.
// Not part of npm test: CI has no Espruino. Exits with 1 when anything differs.

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");
var interpreter = require("./espruino-interpreter");

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
    r = childProcess.spawnSync(bin, [file], { input: "", encoding: "latin1", timeout: 120000 });
  } else {
    var write = "require('Storage').write('t.js',atob('" + Buffer.from(text, "latin1").toString("base64") + "'));load('t.js');";
    r = childProcess.spawnSync(bin, ["-e", write], { cwd: dir, input: "", encoding: "latin1", timeout: 120000 });
    fs.rmSync(path.join(dir, "espruino.flash"), { force: true }); // the Linux build's flash, in the folder it runs in
  }
  return (r.stdout || "")
    .replace(/\r|\x1b\[J/g, "")
    .split("\n")
    .map(function (l) {
      return l.replace(/^>+/, "");
    })
    .filter(function (l) {
      return l !== "" && !/^ {4}at /.test(l) && !/FIFO_FULL/.test(l); // the Linux build's console may say so when a program prints fast
    });
}

/** The lines a program printed after Espruino's banner: from the first that `first` matches. */
function after(lines, first) {
  for (var i = 0; i < lines.length; i++) if (first.test(lines[i])) return lines.slice(i);
  return lines;
}

function compare(name, got, expected) {
  var same = JSON.stringify(got) === JSON.stringify(expected);
  console.log((same ? "ok " : "not ok ") + name + (same ? "" : ": expected\n  " + expected.join("\n  ") + "\ngot\n  " + got.join("\n  ")));
  return same;
}

/** Writes each seed's program and its entry into `dir`, and gives the lines each prints on the host's simulation, from its first. */
function randomOnHost(random, seeds, dir) {
  require(path.join(root, ".build/src/sim/host-resolve.js"));
  var compileApp = require(path.join(root, ".build/src/cli/app-compile.js")).compileApp, createSim = require(path.join(root, ".build/src/sim/create-sim.js")).createSim;
  fs.mkdirSync(dir, { recursive: true });
  random.writeRandomApp(dir, seeds);
  var compiled = compileApp(dir);
  if (compiled.errors.length) throw new Error(compiled.errors.join("\n"));
  return seeds.map(function (s) {
    var sim = createSim("espruino-pico");
    sim.startApp(path.join(path.dirname(compiled.main), "e" + s + ".js"));
    sim.advance(60000); // its timers run at once: the program has ended by then (the longest of the first 500 at 6 s)
    return sim.console.map((c) => c.text).filter((l) => !/^Task exception|^\s+at /.test(l));
  });
}

async function main() {
  var run = interpreter.setUp(root, "test-espruino");
  if (!run) return;
  var bin = run.bin, build = run.build, out = run.out, failed = 0, runs = 0;
  var writeDeviceSuites = require(path.join(root, ".build/test/support/device-suites.js")).writeDeviceSuites;
  console.log("Espruino " + run.version + " at " + bin + "; each bundle as built, as flashed (pretokenised), and from Storage");

  async function bundleOf(app, board) {
    var r = await build({ app: app, board: board, outDir: out });
    return path.join(out, r.file);
  }
  function tally(ok) {
    runs++;
    if (!ok) failed++;
  }

  var suites = writeDeviceSuites(root, path.join(out, "suites"));
  for (var i = 0; i < suites.length; i++) {
    var bundle = await bundleOf(suites[i].app, "espruino-pico"), s = suites[i];
    FORMS.forEach(function (label, form) {
      var lines = after(runOn(bin, bundle, form), /^((not )?ok|skip) /), bad = lines.filter((l) => !/^(ok|skip) /.test(l));
      var passed = lines.filter((l) => /^ok /.test(l)).length, name = s.file + label;
      if (lines.length !== s.tests) bad.push("a verdict for each of its " + s.tests + " tests, got " + lines.length);
      console.log((bad.length ? "not ok " : "ok ") + name + ": " + passed + " of " + (s.tests - s.skip.length) + " tests" + (bad.length ? "\n  " + bad.join("\n  ") : ""));
      tally(!bad.length);
    });
  }

  var programs = ["scenarios", "lean"];
  for (i = 0; i < programs.length; i++) {
    var expected = fs.readFileSync(path.join(root, "test/engines", programs[i] + ".expected.txt"), "utf8").split("\n").filter(Boolean);
    bundle = await bundleOf(path.join(root, "test/engines", programs[i]), "espruino-pico");
    FORMS.forEach(function (label, form) {
      var name = "test/engines/" + programs[i] + label;
      tally(compare(name, after(runOn(bin, bundle, form), new RegExp("^" + expected[0].replace(/[^\w ]/g, "\\$&") + "$")), expected));
    });
  }

  var talk = fs
    .readFileSync(path.join(root, "test/golden/talk.trace"), "utf8")
    .split("\n")
    .filter((l) => /^\d+ > /.test(l))
    .map((l) => l.slice(l.indexOf(" > ") + 3));
  bundle = await bundleOf(path.join(root, "firmware/talk"), "linux");
  FORMS.forEach(function (label, form) {
    var name = "firmware/talk" + label;
    tally(compare(name, after(runOn(bin, bundle, form), /^--- /), talk));
  });

  // Random programs (test/support/random-programs.ts): what each prints on the host, less the lines of an exception
  // no task retrieved (whose report differs by design).
  var random = require(path.join(root, ".build/test/support/random-programs.js"));
  var seeds = random.randomSeeds("1-20"), dir = path.join(out, "random"), hostLines = randomOnHost(random, seeds, dir);
  for (i = 0; i < seeds.length; i++) {
    bundle = await bundleOf(path.join(dir, "e" + seeds[i] + ".ts"), "espruino-pico");
    FORMS.forEach(function (label, form) {
      var got = runOn(bin, bundle, form).filter((l) => !/^Task exception/.test(l));
      tally(compare("random program " + seeds[i] + label, after(got, /^--- start$/), hostLines[i]));
    });
  }

  fs.rmSync(out, { recursive: true, force: true });
  console.log(failed ? failed + " of " + runs + " runs differ" : "all " + runs + " runs print what the host does");
  if (failed) process.exitCode = 1;
}

main().catch(function (e) {
  console.error(e);
  process.exitCode = 1;
});
