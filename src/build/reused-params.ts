// A size and speed rewrite of the bundle after aliases.ts: a function's local
// that is first written where its parameter is read for the last time takes
// the parameter's name, and its `var` goes. Terser leaves
//   function(t){var i;return i=new L(t),$.u(i),i}
// (createTask()), where `t` is dead once `i` is written; it becomes
//   function(t){return t=new L(t),$.u(t),t}
// Each costs its place in the `var` statement and, on Espruino, a variable
// made at every call (about 2,500 instructions).
//
// Only where it cannot change what runs: the function does not read
// `arguments`; neither name is read or written by a function inside it; the
// local's first write is an assignment (`=`) or its one declarator, in the
// function's own statement list (in a comma list, a `var`, or a `return`'s
// value), so it runs once and before anything that follows; nothing mentions
// the local before that write, nor the parameter after it; no catch clause
// around a use of the local names the parameter. Host only.

import MagicString from "magic-string";
import { isFunction } from "./async-nodes";
import { removeAll } from "./aliases";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";
import { eachName, topScope } from "./scopes";

interface Uses {
  /** Every identifier that is the name in `fn`'s scope, but the parameter itself and `var` declarators without a value. */
  ids: Node[];
  declarators: Node[];
  param?: boolean;
  /** Mentioned in a function inside `fn`. */
  captured?: boolean;
}

export function reuseParams(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), parents = new Map<Node, Node | null>(), scopes = new Map<Node, { [name: string]: Uses }>();
  eachNode(ast, (n, p) => parents.set(n, p));
  function ownerOf(n: Node): Node {
    var p = parents.get(n)!;
    while (p !== ast && !isFunction(p)) p = parents.get(p)!;
    return p;
  }
  eachName(ast, topScope(ast), function (id, scope) {
    if (!scope || !scope.node || !isFunction(scope.node)) return;
    var fn = scope.node, names = scopes.get(fn) || (scopes.set(fn, Object.create(null)), scopes.get(fn)!);
    var u = names[id.name] || (names[id.name] = { ids: [], declarators: [] }), p = parents.get(id)!;
    if (ownerOf(id) !== fn) u.captured = true;
    if (p === fn && fn.params.indexOf(id) >= 0) u.param = true;
    else if (p.type === "VariableDeclarator" && p.id === id) {
      u.declarators.push(p);
      if (p.init) u.ids.push(id);
    } else if (!(p.type === "FunctionDeclaration" && p.id === id)) u.ids.push(id);
  });
  var out = new MagicString(code), gone: Node[] = [];
  scopes.forEach(function (names, fn) {
    if (names.arguments || fn.body.type !== "BlockStatement") return;
    var taken: { [name: string]: boolean } = {};
    Object.keys(names).forEach(function (v) {
      var local = names[v], first = local.ids.sort((a, b) => a.start - b.start)[0], w = first && parents.get(first)!;
      if (local.param || local.captured || local.declarators.length !== 1 || taken[v] || !w || !runsOnce(w, fn, parents)) return;
      if (w !== local.declarators[0] && local.declarators[0].init) return; // the declarator writes it again
      var write = w.type === "VariableDeclarator" ? w.init : w.type === "AssignmentExpression" && w.operator === "=" && w.left === first ? w.right : null;
      if (!write || local.ids.some((id) => id.start >= write.start && id.end <= write.end)) return;
      if (w.type === "VariableDeclarator" && parents.get(w)!.declarations.length !== 1) return;
      var p = fn.params.map((x: Node) => x.name).filter(function (name: string) {
        var param = names[name];
        return !taken[name] && !param.captured && param.ids.every((id) => id.end <= write.end) && !local.ids.some((id) => caughtAs(id, name, fn, parents));
      })[0];
      if (!p) return;
      taken[p] = taken[v] = true;
      // `var i=` becomes `t=`, where the statement began (as its source map position)
      local.ids.forEach((id) => out.overwrite(id === first && w.type === "VariableDeclarator" ? parents.get(w)!.start : id.start, id.end, p));
      if (w.type !== "VariableDeclarator") gone.push(local.declarators[0]);
    });
  });
  if (!out.hasChanged()) return null;
  removeAll(out, gone, parents);
  return { code: out.toString(), map: out.generateMap({ hires: "boundary" }) };
}

/** True if `n` (an assignment or a declarator) is in `fn`'s own statement list: it runs once, after what comes before it and before what follows. */
function runsOnce(n: Node, fn: Node, parents: Map<Node, Node | null>): boolean {
  for (var c = n, p = parents.get(n)!; p !== fn.body; c = p, p = parents.get(p)!) {
    if (!(p.type === "SequenceExpression" || p.type === "ExpressionStatement" || p.type === "VariableDeclaration" || (p.type === "ReturnStatement" && p.argument === c))) return false;
  }
  return true;
}

/** True if a catch clause between `id` and `fn` names its exception `name`. */
function caughtAs(id: Node, name: string, fn: Node, parents: Map<Node, Node | null>): boolean {
  for (var n = parents.get(id)!; n !== fn; n = parents.get(n)!) if (n.type === "CatchClause" && n.param.name === name) return true;
  return false;
}
