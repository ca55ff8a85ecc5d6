// Runs the minified bundle at the top level of the script instead of inside
// rollup's IIFE. On Espruino a function made inside another keeps a link to
// that scope (a variable each), and every call of it goes through that link:
// at the top level, blink-many holds 67 variables fewer once loaded and a
// task switch costs 4.4% fewer instructions.
//
// The top-level names are globals then, so each is kept clear of Espruino's
// globals (`E`, pin names such as `B2`) and of what a user types at the REPL
// (`i=0`): the names used most are `$`, `_` and the capital letters that no
// Espruino names (`E`, and `Q` on the Curio), one character each; the rest
// get a `$` in front (`$t`, `$i`). Names resolve as scopes.ts says. Leaves
// the code as it is when its shape is not rollup's `!function(){...}()`, or
// a new name is taken.
//
// Also: terser's `void 0` becomes a top-level name that nothing assigns,
// declared at the head of the first `var` statement: one or two bytes
// instead of six, and on Espruino one token to run instead of two. The name
// is one the bundle uses nowhere, so nothing shadows it. Host only.

import MagicString from "magic-string";
import { isFunction } from "./async-nodes";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";
import { declared, eachName } from "./scopes";
import type { Scope } from "./scopes";

/** The IIFE's function, if `ast` is rollup's `!function(){...}()` (or `(function(){...})()`) and nothing else. */
export function wrapper(ast: Node): Node | null {
  if (ast.body.length !== 1 || ast.body[0].type !== "ExpressionStatement") return null;
  var e = ast.body[0].expression;
  if (e.type === "UnaryExpression" && e.operator === "!") e = e.argument;
  if (e.type !== "CallExpression" || e.arguments.length || e.callee.type !== "FunctionExpression") return null;
  return e.callee.params.length || e.callee.id ? null : e.callee;
}

/** Single-character top-level names, the most used first: none is a global of any runtime here (the header). */
const SHORT = "$_ABCDFGHIJKLMNOPRSTUVWXYZ";

export function toTopLevel(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), iife = wrapper(ast);
  if (!iife) return null;
  var fn: Node = iife; // for the closures below
  var top: Scope = { names: declared(iife), parent: null }, taken: { [name: string]: boolean } = {}, ok = true;
  delete top.names.arguments;
  // The names that any scope but the top declares or a global has (eachName adds them below)
  var parents = new Map<Node, Node>(), voids: Node[] = [], other: { [name: string]: boolean } = {};
  eachNode(iife.body, function (n, p) {
    parents.set(n, p || fn);
    if (n.type === "Identifier") taken[n.name] = true;
    if (n.type === "FunctionExpression" && n.id) other[n.id.name] = true; // its own name, which eachName leaves out
    if (n.type === "UnaryExpression" && n.operator === "void" && n.argument.type === "Literal" && n.argument.value === 0) voids.push(n);
    if (n.type === "ReturnStatement" || n.type === "ThisExpression" || (n.type === "Identifier" && n.name === "arguments")) {
      var f = parents.get(n);
      while (f && !isFunction(f)) f = parents.get(f);
      if (f === iife) ok = false; // the IIFE's own return, this or arguments: no top-level equivalent
    }
  });
  if (!ok) return null;
  var refs: { [name: string]: Node[] } = {}; // each top-level name's references
  eachName(iife.body, top, function (id, scope) {
    if (scope === top) (refs[id.name] || (refs[id.name] = [])).push(id);
    else other[id.name] = true;
  });
  if (refs.$) other.$ = true; // a top-level `$` keeps its name
  var names = Object.keys(refs).filter((k) => k !== "$");
  var s = new MagicString(code), st = ast.body[0];
  s.remove(st.start, iife.body.start + 1);
  s.remove(iife.body.end - 1, st.end);
  // `void 0` is named where it occurs twice or more, and ranks with the names by its uses
  var decl = voids.length > 1 && iife.body.body.filter((n: Node) => n.type === "VariableDeclaration")[0];
  var ranked: { name: string; uses: Node[]; to?: string }[] = names.map((k) => ({ name: k, uses: refs[k] }));
  if (decl) ranked.push({ name: "", uses: voids });
  ranked.sort((a, b) => b.uses.length - a.uses.length);
  var free = SHORT.split("").filter((c) => !other[c]); // a property's or a label's name is no variable's
  ranked.forEach(function (r, i) {
    r.to = i < free.length ? free[i] : !r.name ? "" : r.name.charAt(0) === "$" ? r.name : "$" + r.name; // "": void 0's, below
    if (i >= free.length && r.to !== r.name && taken[r.to]) ok = false;
    taken[r.to] = true;
  });
  if (!ok) return null;
  ranked.forEach(function (r) {
    var name = r.to || undefinedName(taken);
    if (!name) return; // no name left for void 0: it stays
    r.uses.forEach(function (n) {
      s.overwrite(n.start, n.end, name, { contentOnly: true }); // keeps void 0's declaration before the first name
    });
    if (!r.name) s.appendLeft(decl.declarations[0].start, name + ",");
  });
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}

/** A `$` name for `void 0` that the bundle uses nowhere, or "" when every one is taken. */
function undefinedName(taken: { [name: string]: boolean }): string {
  var chars = "uabcdefghijklmnopqrstvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
  for (var i = 0; i < chars.length; i++) if (!taken["$" + chars.charAt(i)]) return "$" + chars.charAt(i);
  return "";
}
