// The device runtime stays readable (issue 13, item 8): no file of it over
// 300 lines. (Its total, counted by cloc, is in the README.)

import assert = require("assert");
import fs = require("fs");
import path = require("path");

var root = path.resolve(__dirname, "../../.."); // from .build/test/build
var DEVICE = ["src/core", "src/sync", "src/funcs", "src/io", "src/hal"];

describe("the device runtime", function () {
  it("has no file over 300 lines", function () {
    var files: string[] = [];
    DEVICE.forEach(function (d) {
      fs.readdirSync(path.join(root, d)).forEach(function (f) {
        if (/\.ts$/.test(f)) files.push(d + "/" + f);
      });
    });
    assert.ok(files.length > 40, "read the device sources: " + files.length);
    var long = files
      .map((f) => ({ f: f, n: fs.readFileSync(path.join(root, f), "utf8").split("\n").length - 1 }))
      .filter((x) => x.n > 300)
      .map((x) => x.f + ": " + x.n + " lines");
    assert.deepStrictEqual(long, []);
  });
});
