// The framework's own property names (`_st`, `_resume`, ...), read from its
// device sources, for terser to shorten. Only these: a user's properties, and
// so the keys of JSON a firmware sends, are never renamed. Host only.

import fs = require("fs");
import path = require("path");

var DEVICE_DIRS = ["src/core", "src/sync", "src/funcs", "src/io", "src/hal"];

export function internalNames(root: string): string[] {
  var names: { [n: string]: boolean } = {};
  DEVICE_DIRS.forEach(function (d) {
    var dir = path.join(root, d);
    if (!fs.existsSync(dir)) return;
    fs.readdirSync(dir).forEach(function (f) {
      if (!/\.ts$/.test(f)) return;
      var m: RegExpExecArray | null, re = /[.\s](_[a-z][A-Za-z0-9]*)\b/g, text = fs.readFileSync(path.join(dir, f), "utf8");
      while ((m = re.exec(text))) names[m[1]] = true;
    });
  });
  return Object.keys(names).sort();
}
