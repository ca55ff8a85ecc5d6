// Drops the methods no code of the bundle calls. Rollup and terser drop
// unused functions but keep every method of a class they keep: a blink that
// never cancels a task still carried Task.prototype.cancel and all it calls.
// Here a method assignment `X.prototype.name = ...` goes when `name` appears
// nowhere else in the bundle: not as a property read, an object key or a
// string (so `t["cancel"]()` keeps it). Repeated until nothing more goes, as
// a removed method may have been the last caller of another.
//
// Names called from outside the bundle are kept whatever: `then` (a native
// Promise adopting a task calls it), `toString` and `valueOf` (string
// conversion), `constructor`. It runs on rollup's output, before terser.
// Host only.

import MagicString from "magic-string";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";

var KEEP: { [name: string]: boolean } = { then: true, toString: true, valueOf: true, constructor: true };

/** `X.prototype.name = value;` as a statement: the method's name, else "". */
function methodName(st: Node): string {
  var e = st.type === "ExpressionStatement" ? st.expression : null;
  if (!e || e.type !== "AssignmentExpression" || e.operator !== "=") return "";
  var l = e.left;
  if (l.type !== "MemberExpression" || l.computed || l.object.type !== "MemberExpression") return "";
  if (l.object.computed || l.object.property.name !== "prototype") return "";
  if (e.right.type !== "FunctionExpression" && e.right.type !== "Identifier") return "";
  return KEEP[l.property.name] ? "" : l.property.name;
}

/** The `X.prototype.name` being assigned by a method statement. */
function isDefinedName(n: Node, parent: Node | null): boolean {
  return !!parent && parent.type === "AssignmentExpression" && parent.left === n && !!methodName({ type: "ExpressionStatement", expression: parent } as unknown as Node);
}

export function dropUnusedMethods(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), s = new MagicString(code), removed: Node[] = [], changed = true;
  function inRemoved(n: Node): boolean {
    return removed.some(function (r) {
      return n.start >= r.start && n.end <= r.end;
    });
  }
  while (changed) {
    changed = false;
    var defs: { st: Node; name: string }[] = [], used: { [name: string]: number } = {};
    eachNode(ast, function (n, parent) {
      if (inRemoved(n)) return;
      var name = methodName(n);
      if (name) defs.push({ st: n, name: name });
      if (n.type === "MemberExpression" && !n.computed && !isDefinedName(n, parent)) {
        used[n.property.name] = (used[n.property.name] || 0) + 1;
      }
      if (n.type === "Property" && n.key.type === "Identifier") used[n.key.name] = 1;
      if (n.type === "Literal" && typeof n.value === "string") used[n.value] = 1;
    });
    defs.forEach(function (d) {
      if (used[d.name] || inRemoved(d.st)) return;
      removed.push(d.st);
      s.remove(d.st.start, d.st.end);
      changed = true;
    });
  }
  if (!removed.length) return null;
  return { code: s.toString(), map: s.generateMap({ hires: true }) };
}
