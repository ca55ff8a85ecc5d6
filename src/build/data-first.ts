// Declares the bundle's data first, after shorthand.ts (which makes the
// top-level functions arrows at the head of the first `var` statement): the
// top level's declarations that hold no code, a bare `var x` or a literal
// that nothing assigns again (`x = [8, 100]`), move to the head of its first
// `var` statement, from every `var` statement of the top level, and one left
// empty goes. Espruino looks a global up by walking the root's names in the
// order they were made, about 60 instructions a name; terser declares the
// loop object and the sleep instructions bare, after the functions, some 25
// names in. Declared first, a switch costs 1.4% fewer instructions, for no
// byte more (an emptied statement's `var ;` less a comma: 4 fewer). A
// declaration that holds no code runs nothing, so it may come earlier. A
// bundle still in rollup's IIFE (top-level.ts left it) has no top-level
// `var`, and is left as it is. Host only.

import acorn = require("acorn");
import MagicString from "magic-string";
import type { Plugin } from "rollup";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** The names that an assignment or an update anywhere in `root` writes. */
function assignedNames(root: Node): { [name: string]: boolean } {
  var out: { [name: string]: boolean } = {};
  eachNode(root, function (n) {
    var target = n.type === "AssignmentExpression" ? n.left : n.type === "UpdateExpression" ? n.argument : null;
    if (target && target.type === "Identifier") out[target.name] = true;
  });
  return out;
}

/** A declarator that holds no code: `x`, or `x = literal` / `x = [literals]` where nothing assigns x again. */
function holdsNoCode(d: Node, assigned: { [name: string]: boolean }): boolean {
  var v = d.init;
  if (!v) return true;
  var literal = v.type === "Literal" || (v.type === "ArrayExpression" && v.elements.every((e: Node | null) => !!e && e.type === "Literal"));
  return literal && !assigned[d.id.name];
}

export function dataFirst(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } {
  var ast = acorn.parse(code, { ecmaVersion: 2020 }) as Node, s = new MagicString(code), assigned = assignedNames(ast), head: string[] = [], firstKeeps = false;
  var vars: Node[] = ast.body.filter((n: Node) => n.type === "VariableDeclaration");
  vars.forEach(function (st, k) {
    var ds: Node[] = st.declarations, stay = ds.map((d) => !holdsNoCode(d, assigned)), last = stay.lastIndexOf(true), i: number;
    if (k === 0) firstKeeps = last >= 0;
    else if (last < 0) s.remove(st.start, st.end); // every one moves
    for (i = 0; i < ds.length; i++) {
      if (stay[i]) continue;
      head.push(code.slice(ds[i].start, ds[i].end));
      s.remove(ds[i].start, ds[i].end);
    }
    // one comma between each two that stay: the one after each that stays, but the last
    for (i = 0; i + 1 < ds.length; i++) if (!stay[i] || i >= last) s.remove(ds[i].end, ds[i + 1].start);
  });
  if (head.length) s.appendLeft(vars[0].declarations[0].start, head.join(",") + (firstKeeps ? "," : ""));
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}

/** Runs dataFirst() on the minified chunk, after the shorthand. */
export function dataFirstPlugin(): Plugin {
  return {
    name: "ristretto-data-first",
    renderChunk: function (code) {
      var r = dataFirst(code);
      return { code: r.code, map: r.map as any };
    },
  };
}
