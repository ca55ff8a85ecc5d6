// A root hook plugin (.mocharc.js) that, when RISTRETTO_FILE_TIMES names a
// file, appends one line per test file to it: the worker's pid, the file, the
// time from the worker's previous file ending (or the worker starting) to this
// file's first hook (loading: imports and top-level work, such as building
// bundles), and the time its tests took. For finding where npm test spends its
// time (scripts/file-times.js sums it up); it never decides a verdict.

import fs = require("fs");

var out = process.env.RISTRETTO_FILE_TIMES;
var lastEnd = Date.now(); // this module loads when the worker starts
var start = 0;

function fileOf(suite: Mocha.Suite): string {
  var s = suite.suites.find(function (c) {
    return !!c.file;
  });
  return (s && s.file) || suite.file || "?";
}

export var mochaHooks = out
  ? {
      beforeAll: function (this: Mocha.Context): void {
        start = Date.now();
      },
      afterAll: function (this: Mocha.Context): void {
        var end = Date.now();
        var file = fileOf(this.test!.parent!).replace(/^.*\.build\//, "");
        fs.appendFileSync(out!, [process.pid, file, start - lastEnd, end - start, start, end].join("\t") + "\n");
        lastEnd = end;
      },
    }
  : {};
