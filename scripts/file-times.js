#!/usr/bin/env node
// Sums up a RISTRETTO_FILE_TIMES log (test/support/file-times.ts): the test
// files by time (loading + tests), then each mocha worker's busy time and
// when it finished, so an unbalanced end of the run shows.
//   RISTRETTO_FILE_TIMES=/tmp/t.tsv npx mocha && node scripts/file-times.js /tmp/t.tsv [top]

var fs = require("fs");

var lines = fs.readFileSync(process.argv[2], "utf8").trim().split("\n");
var top = +(process.argv[3] || 25);
var rows = lines.map(function (l) {
  var f = l.split("\t");
  return { pid: f[0], file: f[1], load: +f[2], run: +f[3], start: +f[4], end: +f[5] };
});
var t0 = Math.min.apply(null, rows.map(function (r) { return r.start - r.load; }));
function s(ms) {
  return (ms / 1000).toFixed(1) + "s";
}
rows.sort(function (a, b) { return b.load + b.run - (a.load + a.run); });
console.log("file\ttotal\tload\ttests\tends at");
rows.slice(0, top).forEach(function (r) {
  console.log([r.file, s(r.load + r.run), s(r.load), s(r.run), s(r.end - t0)].join("\t"));
});
var workers = {};
rows.forEach(function (r) {
  var w = workers[r.pid] || (workers[r.pid] = { busy: 0, files: 0, end: 0 });
  w.busy += r.load + r.run;
  w.files++;
  w.end = Math.max(w.end, r.end - t0);
});
console.log("\nworker\tfiles\tbusy\tfinished at");
Object.keys(workers).forEach(function (pid) {
  var w = workers[pid];
  console.log([pid, w.files, s(w.busy), s(w.end)].join("\t"));
});
console.log("\nall files: " + s(rows.reduce(function (a, r) { return a + r.load + r.run; }, 0)));
