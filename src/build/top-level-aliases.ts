// A size and memory rewrite of the bundle once it runs at the top level
// (top-level.ts): a top-level name that is only ever another name,
//   var $c,...;  $c=$u;  $v=pinMode;  ...$c()...$v(t,"output")
// is that name where it is read, and is gone:
//   var ...;  ...$u()...pinMode(t,"output")
// Terser keeps such an alias (`loopNow = runtimeNow` on the device, the
// Espruino HAL's `mode = pinMode`), as the name it copies is a variable or a
// global it does not know to be constant. Each costs its assignment's text,
// its place in the `var` statement and, on Espruino, a variable.
//
// Only for a name declared by `var` at the top (not a function), written
// once, by a statement of the top scope (or an expression of one's comma
// list, or its `var` declarator) that gives it another name, which is
//   - a top-level `var` written once, before, by the top scope (not in a
//     function), or a name the bundle declares nowhere (a runtime's global),
//     which it then writes nowhere;
//   - declared by no function of the bundle (nothing shadows it where the
//     alias is read).
// The top scope reads the alias nowhere before it is written (a function
// called before then would read the name's value rather than undefined: a
// bundle that relies on that reads a variable it has not set). A name
// aliased in turn (`$a=$c` after `$c=$u`) ends at the first.
// Host only.

import MagicString from "magic-string";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";
import { declared, eachName } from "./scopes";
import type { Scope } from "./scopes";

interface Name {
  reads: Node[];
  /** Identifiers that are written: an assignment's left, a for-in's, an update's argument, a declarator with a value. */
  writes: Node[];
  /** The top-level expression or declarator that writes it, if that is its one write and gives another name. */
  alias?: { node: Node; from: string };
  declarators: Node[];
}

export function collapseAliases(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  // The top scope's names: the program's, as those of a function without parameters whose body it is.
  var ast = parse(code), top: Scope = { names: declared({ type: "Program", start: 0, end: 0, params: [], body: ast }), parent: null }, inner: { [name: string]: boolean } = Object.create(null);
  var names: { [name: string]: Name } = Object.create(null), globals: { [name: string]: Name } = Object.create(null), parents = new Map<Node, Node | null>();
  delete top.names.arguments;
  eachNode(ast, function (n, p) {
    parents.set(n, p);
    if (n.type === "FunctionDeclaration" || n.type === "FunctionExpression") {
      Object.keys(declared(n)).forEach((k) => (inner[k] = true)); // its parameters and variables, not its own name
      if (n.id && n.type === "FunctionExpression") inner[n.id.name] = true;
    }
    if (n.type === "CatchClause") inner[n.param.name] = true;
  });
  eachName(ast, top, function (id, scope) {
    if (scope && scope !== top) return;
    var table = scope ? names : globals, e = table[id.name] || (table[id.name] = { reads: [], writes: [], declarators: [] }), p = parents.get(id)!;
    if (p.type === "VariableDeclarator" && p.id === id) {
      e.declarators.push(p);
      if (p.init) e.writes.push(id);
    } else if (((p.type === "AssignmentExpression" || p.type === "ForInStatement") && p.left === id) || p.type === "UpdateExpression") e.writes.push(id);
    else if (!(p.type === "FunctionDeclaration" && p.id === id)) e.reads.push(id);
  });
  // The top scope's statements in order: which of them writes an alias.
  ast.body.forEach(function (st: Node) {
    var exprs = st.type === "VariableDeclaration" ? st.declarations : st.type !== "ExpressionStatement" ? [] : st.expression.type === "SequenceExpression" ? st.expression.expressions : [st.expression];
    exprs.forEach(function (e: Node) {
      var to = e.type === "VariableDeclarator" ? e.id : e.type === "AssignmentExpression" && e.operator === "=" ? e.left : null;
      var from = e.type === "VariableDeclarator" ? e.init : e.type === "AssignmentExpression" ? e.right : null;
      if (to && to.type === "Identifier" && from && from.type === "Identifier" && names[to.name]) names[to.name].alias = { node: e, from: from.name };
    });
  });
  /** Where in the text the top scope writes `name` for good (-1 a global never written); Infinity if it may be written again, or later. */
  function writtenAt(name: string): number {
    var e = names[name];
    if (!e) return globals[name] && globals[name].writes.length ? Infinity : -1;
    return e.writes.length !== 1 || inFunction(e.writes[0]) ? Infinity : e.writes[0].end;
  }
  function inFunction(n: Node): boolean {
    for (var p = parents.get(n); p && p !== ast; p = parents.get(p)) if (p.type === "FunctionDeclaration" || p.type === "FunctionExpression") return true;
    return false;
  }
  // Where each alias leads: the name it copies, or that name's own target.
  var target: { [name: string]: string } = Object.create(null);
  Object.keys(names).forEach(function (x) {
    var e = names[x], a = e.alias;
    if (!a || e.writes.length !== 1 || !e.declarators.length || inner[a.from] || a.from === x) return;
    if (!(writtenAt(a.from) < a.node.start) || e.reads.some((r) => r.start < a!.node.start && !inFunction(r))) return;
    target[x] = a.from;
  });
  if (!Object.keys(target).length) return null;
  var s = new MagicString(code), gone: Node[] = [];
  Object.keys(target).forEach(function (x) {
    gone.push(names[x].alias!.node);
    names[x].declarators.forEach((d) => d !== names[x].alias!.node && gone.push(d));
  });
  Object.keys(target).forEach(function (x) {
    var to = target[x];
    while (target[to]) to = target[to];
    names[x].reads.forEach(function (id) {
      if (!gone.some((g) => g.start <= id.start && id.end <= g.end)) s.overwrite(id.start, id.end, to);
    });
  });
  // Each list (a statement's comma list, a `var`'s declarators) without what goes; a statement left with nothing, whole.
  var lists = new Map<Node, Node[]>();
  gone.forEach(function (n) {
    var list = parents.get(n)!;
    lists.set(list, (lists.get(list) || []).concat([n]));
  });
  lists.forEach(function (out, list) {
    var items: Node[] = list.type === "VariableDeclaration" ? list.declarations : list.type === "SequenceExpression" ? list.expressions : [out[0]];
    var kept = items.filter((n) => out.indexOf(n) < 0), st = list.type === "SequenceExpression" ? parents.get(list)! : list;
    if (!kept.length) return s.remove(st.start, st.end);
    // Each item goes with the comma after it; those after the last kept, from the end of that one.
    var lastKept = items.indexOf(kept[kept.length - 1]);
    items.forEach(function (n, i) {
      if (out.indexOf(n) >= 0 && i < lastKept) s.remove(n.start, items[i + 1].start);
    });
    if (lastKept < items.length - 1) s.remove(items[lastKept].end, items[items.length - 1].end);
  });
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}
