// The framework's own property names (`_st`, `_resume`, ...), read from its
// device sources, for terser to shorten. Only these: a user's properties, and
// so the keys of JSON a firmware sends, are never renamed. A name of the
// framework's that the firmware's own code also uses as a property, a key or
// a string (`msg._id` of parsed JSON; the framework's Levels has an `_id`
// too) is left alone in that bundle (ownNames). Host only.

import fs = require("fs");
import path = require("path");
import type { RenderedChunk } from "rollup";

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

/** What the async lowering itself writes into a firmware's modules: the framework's names wherever they appear. */
var LOWERED: { [n: string]: boolean } = { _try: true, _label: true, _trys: true };
/** `_name` as a property (`._name`), an object key (`_name:`) or a string (`"_name"`). */
var MENTION = /(?:\.\s*|["'])(_[a-z][A-Za-z0-9]*)\b|\b(_[a-z][A-Za-z0-9]*)\s*:/g;

/** Of `names`, those no module of `chunk` outside the framework's sources (under root/src) mentions itself. */
export function ownNames(names: string[], chunk: RenderedChunk, root: string): string[] {
  var own = path.join(root, "src") + path.sep, theirs: { [n: string]: boolean } = {};
  Object.keys(chunk.modules).forEach(function (id) {
    var m: RegExpExecArray | null, code = chunk.modules[id].code || "";
    if (id.indexOf(own) === 0) return;
    MENTION.lastIndex = 0;
    while ((m = MENTION.exec(code))) theirs[m[1] || m[2]] = true;
  });
  return names.filter(function (n) {
    return !theirs[n] || LOWERED[n];
  });
}
