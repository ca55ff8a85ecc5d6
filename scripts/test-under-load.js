#!/usr/bin/env node
// Runs the suite N times (default 10) while every core is kept busy by a CPU
// hog, and reports each run: its verdict, the "N passed, N failed" line and
// how long it took. Exit code 0 only if every run passed. A suite whose
// verdict depends on the machine's speed fails here.
//   node scripts/test-under-load.js [runs]     (npm run test:load)

var childProcess = require("child_process");
var os = require("os");

var runs = +(process.argv[2] || 10);
var cores = os.cpus().length;
var hogs = [];
for (var i = 0; i < cores; i++) hogs.push(childProcess.spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }));
function stopHogs() {
  hogs.forEach(function (h) {
    h.kill();
  });
}
process.on("exit", stopHogs);
["SIGINT", "SIGTERM", "SIGHUP"].forEach(function (sig) {
  process.on(sig, function () {
    process.exit(130); // "exit" stops the hogs
  });
});

/** Runs npm test; resolves to its exit code and output. Asynchronous, so a signal stops this script (and the hogs) at once. */
function npmTest() {
  return new Promise(function (resolve) {
    var child = childProcess.spawn("npm", ["test"], { stdio: ["ignore", "pipe", "pipe"] }), out = "";
    child.stdout.on("data", function (d) {
      out += d;
    });
    child.stderr.on("data", function (d) {
      out += d;
    });
    child.on("close", function (code) {
      resolve({ status: code, out: out });
    });
  });
}

async function main() {
  console.log(cores + " CPU hogs running; " + runs + " runs of npm test");
  var failed = 0;
  for (var n = 1; n <= runs; n++) {
    var t = Date.now(), r = await npmTest();
    var summary = (r.out.match(/^\d+ passed, \d+ failed.*$/m) || ["(no summary line)"])[0];
    var ok = r.status === 0;
    if (!ok) failed++;
    console.log("run " + n + ": " + (ok ? "pass" : "FAIL") + "  " + summary + "  " + ((Date.now() - t) / 1000).toFixed(1) + " s");
    (ok ? [] : r.out.match(/^ {2}\d+\) [\s\S]*?(?=^ {2}\d+\) |^\d+ passed)/gm) || []).forEach(function (f) {
      console.log(f.split("\n").slice(0, 8).join("\n"));
    });
    // a run that ended without its summary (a crash, a signal): the end of what it printed says why
    if (!ok && !/^\d+ passed/m.test(r.out)) console.log(r.out.trim().split("\n").slice(-15).join("\n"));
  }
  console.log(runs - failed + " of " + runs + " runs passed");
  process.exit(failed ? 1 : 0);
}

main();
