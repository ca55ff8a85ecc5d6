// Joins the compiled CommonJS modules an entry needs into one ES5 script
// that sets the global `R` to the entry's exports: enough to load a program
// into QuickJS or a fresh Node context for the benchmark. (The device build
// proper is rollup's job; this is a measuring tool.) Host only.

import fs = require("fs");
import path = require("path");

/** `aliases` maps bare names ("ristretto", "tslib") to compiled files. */
export function bundle(entry: string, aliases: { [name: string]: string }, sources?: { [file: string]: string }): string {
  var ids: { [file: string]: number } = {}, parts: string[] = [];
  function add(file: string): number {
    if (ids[file] !== undefined) return ids[file];
    var id = (ids[file] = parts.length);
    parts.push("");
    var code = sources && sources[file] !== undefined ? sources[file] : fs.readFileSync(file, "utf8");
    code = code.replace(/\/\/# sourceMappingURL=.*$/m, "");
    code = code.replace(/require\("([^"]+)"\)/g, function (_m, name: string) {
      var target = aliases[name] || (name.charAt(0) === "." ? path.resolve(path.dirname(file), name) : "");
      if (!target) throw new Error("bundle: cannot resolve " + name + " from " + file);
      if (!/\.js$/.test(target)) target += ".js";
      return "__req(" + add(target) + ")";
    });
    parts[id] = "function (exports, module) {\n" + code + "\n}";
    return id;
  }
  var entryId = add(path.resolve(entry));
  return (
    "var R = (function () {\nvar __defs = [\n" + parts.join(",\n") + "\n];\nvar __mods = [];\n" +
    "function __req(i) { var m = __mods[i]; if (!m) { m = __mods[i] = { exports: {} }; __defs[i](m.exports, m); } return m.exports; }\n" +
    "return __req(" + entryId + ");\n})();\n"
  );
}
