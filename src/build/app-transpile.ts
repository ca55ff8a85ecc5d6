// The check's thread transpiles the app's own modules first (into the
// transpile cache), before it checks them, so that the bundling thread finds
// them there and need not load TypeScript itself (a build after an edit
// then loads it once, on one thread). The app's modules: its entry and what
// it imports by relative path, within its folder. Host only.

import fs = require("fs");
import path = require("path");
import ts = require("typescript");
import { transpile } from "./transpile-cache";

/** The file a relative import names, as TypeScript finds it, or "". */
function resolve(from: string, spec: string): string {
  var p = path.resolve(path.dirname(from), spec), tries = [p + ".ts", path.join(p, "index.ts")];
  for (var i = 0; i < tries.length; i++) if (fs.existsSync(tries[i])) return tries[i];
  return "";
}

/** Transpiles `entry` and the modules it imports from its folder, telling `done` of each. */
export function transpileApp(root: string, entry: string, done: (file: string) => void): void {
  var home = path.dirname(entry) + path.sep, seen: { [file: string]: boolean } = {}, todo = [entry];
  while (todo.length) {
    var file = todo.pop()!;
    if (seen[file] || !fs.existsSync(file)) continue;
    seen[file] = true;
    var text = fs.readFileSync(file, "utf8");
    transpile(root, file, text);
    done(file);
    ts.preProcessFile(text, true, false).importedFiles.forEach(function (f) {
      var to = f.fileName.charAt(0) === "." ? resolve(file, f.fileName) : "";
      if (to && to.indexOf(home) === 0) todo.push(to);
    });
  }
}
