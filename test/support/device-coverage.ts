// Which lines of ristretto's own source a device bundle holds and never
// runs. A bundle gets a probe at each statement and at each branch of a
// condition (`__probes[i] = 1`), in whatever engine it then runs (Node, the
// bundle simulator's QuickJS); each probe is traced through the bundle's
// source map to the line it came from. A line counts as run when any of its
// probes in any bundle ran.

import acorn = require("acorn");
import walk = require("acorn-walk");
import fs = require("fs");
import MagicString from "magic-string";
import path = require("path");
import { bundlePositions } from "../../src/sim/runtime/source-map";

/** A bundle with its probes: `code` to run, and where in the built file each probe stands (a line, from 1, and a column, from 1). */
export interface Probed {
  file: string;
  code: string;
  at: [number, number][];
}

/** Line ("src/x.ts:12") → whether any of its probes ran. */
export type Lines = { [line: string]: boolean };

/** The bundle `file` with a probe before each statement and in each branch of an if, a loop, `&&`, `||` and `?:`. */
export function probe(file: string): Probed {
  var code = fs.readFileSync(file, "utf8"), s = new MagicString(code), at: [number, number][] = [], starts = [0], k: number;
  for (k = 0; k < code.length; k++) if (code[k] === "\n") starts.push(k + 1);
  function mark(node: acorn.Node): string {
    var line = starts.length - 1;
    while (starts[line] > node.start) line--;
    at.push([line + 1, node.start - starts[line] + 1]);
    return "__probes[" + (at.length - 1) + "]=1";
  }
  function block(st: acorn.Node | null | undefined): void {
    if (!st || st.type === "BlockStatement") return; // its statements have theirs
    s.prependLeft(st.start, "{" + mark(st) + ";");
    s.appendLeft(st.end, "}");
  }
  function branch(e: acorn.Node): void {
    s.prependLeft(e.start, "(" + mark(e) + ",");
    s.appendLeft(e.end, ")");
  }
  // Where a node ends and the next starts, closers go first (left of the index; inner first, as walk.full
  // visits children before their parent), then the next statement's probe (right of it).
  walk.full(acorn.parse(code, { ecmaVersion: 2020 }), function (n: any) {
    if (n.type === "Program" || n.type === "BlockStatement" || n.type === "SwitchCase") {
      (n.body || n.consequent).forEach(function (st: acorn.Node) {
        if (st.type !== "FunctionDeclaration") s.prependRight(st.start, mark(st) + ";");
      });
      if (n.type === "BlockStatement" && !n.body.length) s.appendLeft(n.start + 1, mark(n) + ";"); // an empty function's
    } else if (n.type === "IfStatement") {
      block(n.consequent);
      block(n.alternate);
    } else if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(n.type)) block(n.body);
    else if (n.type === "LogicalExpression") branch(n.right);
    else if (n.type === "ConditionalExpression") {
      branch(n.consequent);
      branch(n.alternate);
    } else if (n.type === "ArrowFunctionExpression" && n.expression) branch(n.body);
  });
  return { file: file, code: "var __probes = [];\n" + s.toString(), at: at };
}

/** Adds to `lines` each line of `root`/src that a probe of `p` stands for, run if `probes` (its __probes after the run) says so. */
export function addLines(root: string, p: Probed, probes: unknown[], lines: Lines): void {
  var at = bundlePositions(p.file, root);
  p.at.forEach(function (where, i) {
    var pos = at(where[0], where[1]), m = pos && pos.own && /^(.*):(\d+):\d+$/.exec(pos.where);
    if (!m) return;
    var key = path.relative(root, path.resolve(m[1])).split(path.sep).join("/") + ":" + m[2];
    lines[key] = lines[key] || !!probes[i];
  });
}

/** The lines never run, in order, each with its text, and only those whose file matches `files`. */
export function neverRun(root: string, lines: Lines, files: RegExp): string[] {
  return Object.keys(lines)
    .filter((l) => !lines[l] && files.test(l))
    .sort(function (a, b) {
      var x = a.split(":"), y = b.split(":");
      return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : +x[1] - +y[1];
    })
    .map((l) => l + "  " + fs.readFileSync(path.join(root, l.split(":")[0]), "utf8").split("\n")[+l.split(":")[1] - 1].trim());
}
