// Runs the minified bundle at the top level of the script instead of inside
// rollup's IIFE, its top-level names each given a `$` in front. On Espruino
// a function made inside another keeps a link to that scope (a variable
// each), and every call of it goes through that link: at the top level,
// blink-many holds 67 variables fewer once loaded and a task switch costs
// 4.4% fewer instructions. The `$` keeps the names clear of Espruino's globals
// (`E`, pin names such as `B2`) and of what a user types at the REPL (`i=0`).
// Names resolve as scopes.ts says. Leaves the code as it is when its shape
// is not rollup's `!function(){...}()`, or a new name is taken.
//
// Also: terser's `void 0` becomes a top-level name that nothing assigns,
// declared at the head of the first `var` statement (`$u`): two bytes
// instead of six, 1-2% of an example, and on Espruino one token to run
// instead of two. The name is one the bundle uses nowhere, so nothing
// shadows it. Host only.

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

export function toTopLevel(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), iife = wrapper(ast);
  if (!iife) return null;
  var fn: Node = iife; // for the closures below
  var top: Scope = { names: declared(iife), parent: null }, taken: { [name: string]: boolean } = {}, ok = true;
  delete top.names.arguments;
  var renames: { at: number; end: number; name: string }[] = [], parents = new Map<Node, Node>();
  eachNode(iife.body, function (n, p) {
    parents.set(n, p || fn);
    if (n.type === "Identifier") taken[n.name] = true;
    if (n.type === "ReturnStatement" || n.type === "ThisExpression" || (n.type === "Identifier" && n.name === "arguments")) {
      var f = parents.get(n);
      while (f && !isFunction(f)) f = parents.get(f);
      if (f === iife) ok = false; // the IIFE's own return, this or arguments: no top-level equivalent
    }
  });
  if (!ok) return null;
  eachName(iife.body, top, function (id, scope) {
    if (scope === top && id.name.charAt(0) !== "$") renames.push({ at: id.start, end: id.end, name: "$" + id.name });
  });
  if (renames.some(function (r) {
    return taken[r.name];
  })) return null;
  var s = new MagicString(code), st = ast.body[0];
  s.remove(st.start, iife.body.start + 1);
  s.remove(iife.body.end - 1, st.end);
  renames.forEach(function (r) {
    s.overwrite(r.at, r.end, r.name);
    taken[r.name] = true;
  });
  nameUndefined(iife.body, s, taken);
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}

/** `void 0` as a name nothing assigns, where it occurs twice or more (the header comment). */
function nameUndefined(body: Node, s: MagicString, taken: { [name: string]: boolean }): void {
  var voids: Node[] = [], decl = body.body.filter((n: Node) => n.type === "VariableDeclaration")[0], chars = "uabcdefghijklmnopqrstvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_", i = 0;
  eachNode(body, function (n) {
    if (n.type === "UnaryExpression" && n.operator === "void" && n.argument.type === "Literal" && n.argument.value === 0) voids.push(n);
  });
  while (i < chars.length && taken["$" + chars.charAt(i)]) i++;
  if (voids.length < 2 || !decl || i === chars.length) return;
  voids.forEach(function (n) {
    s.overwrite(n.start, n.end, "$" + chars.charAt(i));
  });
  s.appendLeft(decl.declarations[0].start, "$" + chars.charAt(i) + ",");
}
