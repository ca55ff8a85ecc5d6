#!/usr/bin/env node
// The inner loop's times, each beside `node -e ""` measured in the same run
// (the floor any command pays): a build of blink-many cold (no bundle cache),
// warm (nothing changed: the cache), after an edit of the app alone, the
// simulator to its first LED change, and npm start: wall-clock times of
// whole processes, best of 3. Then `build --watch`: from a save of the app
// to the new bundle's size line, for each of 5 saves (the first save, 2 s
// after the start, is the process's first rebuild). Printed, never asserted.
//   node scripts/inner-loop-times.js      (npm run bench:loop)

var childProcess = require("child_process");
var fs = require("fs");
var os = require("os");
var path = require("path");

var root = path.resolve(__dirname, "..");
var bin = path.join(root, "bin/ristretto.js");
var tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-loop-"));
var app = path.join(tmp, "blink-many");
fs.mkdirSync(app);
fs.copyFileSync(path.join(root, "firmware/blink-many/main.ts"), path.join(app, "main.ts"));

function time(cmd, args, env, before) {
  var best = Infinity;
  for (var i = 0; i < 3; i++) {
    if (before) before(i);
    var t = process.hrtime.bigint();
    var r = childProcess.spawnSync(cmd, args, { cwd: root, encoding: "utf8", env: Object.assign({}, process.env, env || {}) });
    var ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(cmd + " " + args.join(" ") + " failed:\n" + r.stdout + r.stderr);
    best = Math.min(best, ms);
  }
  return best;
}

var node = process.execPath, build = [bin, "build", app, "--board", "puckjs", "--out", tmp];
var rows = [
  ['node -e ""', time(node, ["-e", ""])],
  ["build blink-many, cold (no bundle cache)", time(node, build, { RISTRETTO_BUNDLE_CACHE: "off" })],
  ["build blink-many, warm (nothing changed)", time(node, build)],
  [
    "build blink-many, the app edited",
    time(node, build, {}, function (i) {
      fs.appendFileSync(path.join(app, "main.ts"), "\n// edit " + i + " " + Date.now() + "\n");
    }),
  ],
  ["sim blink-many to its first LED change", time(node, [bin, "sim", "firmware/blink-many", "--until", "1ms", "--no-tty"])],
  ["npm start (5 s of blink-many, --speed max)", time(process.platform === "win32" ? "npm.cmd" : "npm", ["start", "--silent"])],
];
/** `build --watch` of `app`: ms from each of `saves` appends to main.ts to the size line of the build it starts. */
function watchTimes(saves, done) {
  var child = childProcess.spawn(node, [bin, "build", app, "--board", "puckjs", "--out", tmp, "--watch"], { cwd: root });
  var out = "", times = [], t = 0n;
  child.stderr.on("data", function (d) {
    if (/failed|error/i.test(String(d))) process.stderr.write(d);
  });
  child.stdout.on("data", function (d) {
    out += d;
    var lines = out.split("\n");
    out = lines.pop();
    lines.forEach(function (line) {
      if (!/ variables: /.test(line)) return; // the size line (puckjs: Espruino variables)
      if (t) times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (times.length === saves) {
        child.kill();
        return done(times);
      }
      // The watcher settles 30 ms after a change; the next save comes once this build is over,
      // the first 2 s after the start, as the watch warms up meanwhile (a save sooner waits for that).
      setTimeout(function () {
        t = process.hrtime.bigint();
        fs.appendFileSync(path.join(app, "main.ts"), "\n// save " + times.length + " " + Date.now() + "\n");
      }, t ? 300 : 2000);
    });
  });
}

var base = rows[0][1], w = 0;
rows.forEach(function (r) {
  w = Math.max(w, r[0].length);
});
console.log("best of 3, wall clock, on this machine now (" + os.cpus().length + " cores, load " + os.loadavg()[0].toFixed(1) + ")");
rows.forEach(function (r) {
  console.log(r[0] + new Array(w - r[0].length + 3).join(" ") + (r[1] / 1000).toFixed(2) + " s" + (r === rows[0] ? "  (baseline)" : "  " + (r[1] / base).toFixed(1) + "x baseline"));
});
watchTimes(5, function (times) {
  console.log("build --watch, a save to the new bundle (5 saves): " + times.map(function (ms) {
    return (ms / 1000).toFixed(2);
  }).join(", ") + " s");
  fs.rmSync(tmp, { recursive: true, force: true });
});
