// The checks npm run test:espruino and test:jerryscript run on a real
// interpreter, each bundle in the forms the script gives (Espruino's three,
// JerryScript's one), in the virtual time of the engines' timer shim
// (src/sim/timer-shim.ts, run before the bundle):
// - the host's tests of the scheduler (test/support/device-suites.ts: the
//   ports of uasyncio's tests, and the primitives'): every test passes, as on
//   the host and in QuickJS (test/engines/device-suites.test.ts), but those
//   only the host runs and those the interpreter cannot (`cannot`);
// - the engine programs (test/engines/): the lines of their golden files;
// - the talk: the console lines of its golden trace (test/golden/talk.trace),
//   less the stack line a runtime adds;
// - random programs (test/support/random-programs.ts; RISTRETTO_SEEDS=a-b,
//   default 1-20): the lines each prints on the host's simulation, less those
//   of an exception no task retrieved, whose report differs by design.

var fs = require("fs");
var path = require("path");

var root = path.resolve(__dirname, "..");

/** How long a run may take, in real time: a guard against a hang, not a verdict (a random program may print 8,000 lines). */
var HANG_MS = 600000;

/** What a finished spawnSync() of an interpreter printed, with a last line saying so where the guard stopped it. */
function printed(r) {
  return (r.stdout || "") + (r.signal ? "\n(stopped by " + r.signal + " after " + HANG_MS / 1000 + " s: a hang?)\n" : "");
}

/** The lines a program printed after the interpreter's banner: from the first that `first` matches. */
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

/**
 * Runs every check on `o.runOn(bundle, form)` (the lines a bundle printed, in form `form`, an index of `o.forms`, the
 * labels the results give), with bundles `o.build` makes into `o.out` for `o.board` (the talk for `o.talkBoard`);
 * `o.cannot` names the tests of a file the interpreter cannot run, each with why. Says how many runs differ; sets the
 * exit code to 1 if any does, and removes `o.out`.
 */
async function runDeviceChecks(o) {
  var failed = 0, runs = 0, i;
  var writeDeviceSuites = require(path.join(root, ".build/test/support/device-suites.js")).writeDeviceSuites;

  async function bundleOf(app, board) {
    var r = await o.build({ app: app, board: board, outDir: o.out });
    return path.join(o.out, r.file);
  }
  function each(bundle, check) {
    o.forms.forEach(function (label, form) {
      runs++;
      if (!check(o.runOn(bundle, form), label)) failed++;
    });
  }

  var suites = writeDeviceSuites(root, path.join(o.out, "suites"), o.cannot || {});
  for (i = 0; i < suites.length; i++) {
    var s = suites[i];
    each(await bundleOf(s.app, o.board), function (printed, label) {
      var lines = after(printed, /^((not )?ok|skip) /), bad = lines.filter((l) => !/^(ok|skip) /.test(l));
      var passed = lines.filter((l) => /^ok /.test(l)).length;
      if (lines.length !== s.tests) bad.push("a verdict for each of its " + s.tests + " tests, got " + lines.length);
      console.log((bad.length ? "not ok " : "ok ") + s.file + label + ": " + passed + " of " + (s.tests - s.skip.length) + " tests" + (bad.length ? "\n  " + bad.join("\n  ") : ""));
      return !bad.length;
    });
  }

  var programs = ["scenarios", "lean"];
  for (i = 0; i < programs.length; i++) {
    var name = "test/engines/" + programs[i], expected = fs.readFileSync(path.join(root, name + ".expected.txt"), "utf8").split("\n").filter(Boolean);
    each(await bundleOf(path.join(root, name), o.board), function (printed, label) {
      return compare(name + label, after(printed, new RegExp("^" + expected[0].replace(/[^\w ]/g, "\\$&") + "$")), expected);
    });
  }

  var talk = fs
    .readFileSync(path.join(root, "test/golden/talk.trace"), "utf8")
    .split("\n")
    .filter((l) => /^\d+ > /.test(l))
    .map((l) => l.slice(l.indexOf(" > ") + 3));
  each(await bundleOf(path.join(root, "firmware/talk"), o.talkBoard), function (printed, label) {
    return compare("firmware/talk" + label, after(printed, /^--- /), talk);
  });

  var random = require(path.join(root, ".build/test/support/random-programs.js"));
  var seeds = random.randomSeeds("1-20"), dir = path.join(o.out, "random"), hostLines = randomOnHost(random, seeds, dir);
  for (i = 0; i < seeds.length; i++) {
    var seed = seeds[i];
    each(await bundleOf(path.join(dir, "e" + seed + ".ts"), o.board), function (printed, label) {
      var got = printed.filter((l) => !/^Task exception/.test(l));
      return compare("random program " + seed + label, after(got, /^--- start$/), hostLines[i]);
    });
  }

  fs.rmSync(o.out, { recursive: true, force: true });
  console.log(failed ? failed + " of " + runs + " runs differ" : "all " + runs + " runs print what the host does");
  if (failed) process.exitCode = 1;
}

module.exports = { runDeviceChecks: runDeviceChecks, printed: printed, HANG_MS: HANG_MS };
