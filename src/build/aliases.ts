// A size and memory rewrite of the bundle once it runs at the top level
// (top-level.ts): a variable that is only ever another name is that name
// where it is read, and is gone. Terser leaves two kinds:
//   - the top scope's, `var $c,...; $c=$u; $v=pinMode; ...$c()...$v(t,"output")`,
//     as the name it copies is a variable or a global it does not know to be
//     constant (`loopNow = runtimeNow` on the device, the Espruino HAL's
//     `mode = pinMode`);
//   - a function's, `function(t){var i,s;s=t,...s...}`, which is how it
//     inlines a function whose parameter it cannot fold into its one use
//     (remove() in a Task's _cancel, every()'s period in blink-many).
// Each costs its assignment's text, its place in the `var` statement and, on
// Espruino, a variable (the top scope's for good, a function's while it runs).
//
// Only for a name declared by `var` in a scope (the top or a function), not a
// parameter, written once, by a statement of the scope's own list (an
// expression of its comma list, its `var` declarator, or an expression but the
// last of a `return`'s comma list) that gives it another name, which is
//   - a `var` of the same scope written once, before, by the scope's own
//     statements (not in a function); a parameter of a function that nothing
//     writes; or, at the top, a name the bundle declares nowhere (a runtime's
//     global) and then writes nowhere;
//   - declared by no function (or catch clause) between the scope and where
//     the alias is read: the name means the same there.
// An alias written in a block of a function (an `if`'s, a loop's, a switch
// case's list) is one only of a parameter that nothing writes, and only if
// every read of it is after it in that block (a loop may run the block again,
// and a case be jumped to past it; a closure made in the block reads the
// parameter's value, which is the alias's).
// An alias written in a comma list anywhere in the scope's own code (terser's
// `[4,(u=C,A(...u...))]`, where it inlines a call whose parameter a closure
// reads) is one only of a name that never changes (a parameter or function
// declaration nothing writes, or such an alias), read only in the items after
// it, in the functions made there too: whenever a read runs, the alias was
// written, and with that one value.
// The scope's own code reads the alias nowhere before it is written (a
// function called before then would read the name's value rather than
// undefined: a bundle that relies on that reads a variable it has not set).
// A function that reads `arguments` keeps its aliases. A name aliased in
// turn (`$a=$c` after `$c=$u`) ends at the first. Host only.

import MagicString from "magic-string";
import { eachNodeBut, isFunction } from "./async-nodes";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";
import { dropSeparators } from "./comma-lists";
import { bindings, eachName, topScope } from "./scopes";

interface Name {
  reads: Node[];
  /** Identifiers that are written: an assignment's left, a for-in's, an update's argument, a declarator with a value. */
  writes: Node[];
  declarators: Node[];
  /** A parameter, or a function declaration's name: never an alias. */
  bound?: boolean;
  /**
   * The expression or declarator of one of the scope's statement lists that writes it, if it gives another name;
   * `end`: where that list ends (Infinity: the scope's own). One in a comma list (`sequence`) has `at`, the scope
   * whose code writes it (its own, or one that alone reads and writes it).
   */
  alias?: { node: Node; from: string; end: number; sequence?: boolean; at?: Names };
}

/** A scope's names: the program's, or a function's. */
interface Names {
  node: Node;
  names: { [name: string]: Name };
}

export function collapseAliases(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  // The top scope's names: the program's, as those of a function without parameters whose body it is.
  var ast = parse(code), top = topScope(ast);
  var scopes = new Map<Node, Names>(), globals: { [name: string]: Name } = Object.create(null), parents = new Map<Node, Node | null>();
  function scopeOf(n: Node): Names {
    var s = scopes.get(n);
    if (!s) scopes.set(n, (s = { node: n, names: Object.create(null) }));
    return s;
  }
  eachNode(ast, function (n, p) {
    parents.set(n, p);
  });
  eachName(ast, top, function (id, scope) {
    if (scope && (!scope.node || scope.node.type === "CatchClause")) return; // a function expression's own name, a catch clause's: never an alias
    var table = scope ? scopeOf(scope.node!).names : globals, p = parents.get(id)!;
    var e = table[id.name] || (table[id.name] = { reads: [], writes: [], declarators: [] });
    if (p.type === "VariableDeclarator" && p.id === id) {
      e.declarators.push(p);
      if (p.init) e.writes.push(id);
    } else if (((p.type === "AssignmentExpression" || p.type === "ForInStatement") && p.left === id) || p.type === "UpdateExpression") e.writes.push(id);
    else if ((p.type === "FunctionDeclaration" && p.id === id) || (isFunction(p) && p.params.indexOf(id) >= 0)) e.bound = true;
    else e.reads.push(id);
  });
  /** The function (or the program) whose own code `n` is. */
  function ownerOf(n: Node): Node {
    var p = parents.get(n)!;
    while (p !== ast && !isFunction(p)) p = parents.get(p)!;
    return p;
  }
  var bindingAt = bindings(ast, parents);
  /** True if a function or catch clause between `id` and scope `s` declares `name`. */
  function shadowed(id: Node, name: string, s: Names): boolean {
    var b = bindingAt(id, name);
    return !!b && b !== s.node && (s.node === ast || (b.start >= s.node.start && b.end <= s.node.end));
  }
  /** Where in the text scope `s` writes `name` for good (-1: on entry); Infinity if it may be written again, or later. */
  function writtenAt(s: Names, name: string): number {
    var e = s.names[name];
    if (!e) return s.node === ast && !(globals[name] && globals[name].writes.length) ? -1 : Infinity;
    if (e.bound) return s.node !== ast && !e.writes.length && !e.declarators.length ? -1 : Infinity;
    return e.writes.length !== 1 || ownerOf(e.writes[0]) !== s.node ? Infinity : e.writes[0].end;
  }
  // Where each alias leads, scope by scope: the name it copies.
  var target = new Map<Name, { scope: Names; to: string }>();
  scopes.forEach(function (s) {
    var own = s.node === ast ? ast : s.node.body;
    if (!own.body || (s.names.arguments && s.names.arguments.reads.length)) return; // an arrow's expression body has no statements
    statementLists(own).forEach(function (list) {
      list.statements.forEach(function (st: Node) {
        aliasesOf(st).forEach(function (e: Node) {
          var to = e.type === "VariableDeclarator" ? e.id : e.left, from = e.type === "VariableDeclarator" ? e.init : e.right;
          if (to.type === "Identifier" && from && from.type === "Identifier" && s.names[to.name]) s.names[to.name].alias = { node: e, from: from.name, end: list.end };
        });
      });
    });
    // An item of a comma list anywhere in the scope's own code, which terser leaves where it inlines a call
    // (`[4,(u=C,A(...u...))]`): checked below, once every scope's are known, as it may copy another scope's.
    /** A variable of an enclosing scope that only this scope's own code reads and writes (terser's hoisting of an inlined function's variables): one of this scope's, for an alias in a comma list. */
    function onlyHere(name: string): Name | undefined {
      var d = scopes.get(bindingAt(s.node, name)!), e = d && d.names[name];
      return e && e.reads.concat(e.writes).every((r) => ownerOf(r) === s.node) ? e : undefined;
    }
    eachNodeBut(own, isFunction, function (n) {
      if (n.type === "SequenceExpression") n.expressions.slice(0, -1).forEach(function (e: Node) {
        var to = e.type === "AssignmentExpression" && e.operator === "=" && e.left.type === "Identifier" && e.right.type === "Identifier" && (s.names[e.left.name] || onlyHere(e.left.name));
        if (to && !to.alias) to.alias = { node: e, from: e.right.name, end: n.end, sequence: true, at: s };
      });
    });
    Object.keys(s.names).forEach(function (x) {
      var e = s.names[x], a = e.alias;
      if (!a || a.sequence || e.bound || e.writes.length !== 1 || !e.declarators.length || a.from === x) return;
      // In a block of the scope (not its own list): of a parameter nothing writes, and read only after it in that block.
      if (a.end !== Infinity ? writtenAt(s, a.from) !== -1 || s.node === ast : !(writtenAt(s, a.from) < a.node.start)) return;
      if (e.reads.some((r) => (r.start < a!.node.start && ownerOf(r) === s.node) || r.end > a!.end || shadowed(r, a!.from, s))) return;
      target.set(e, { scope: s, to: a.from });
    });
  });
  // The aliases in comma lists (the file's head says which hold).
  var verdicts = new Map<Name, boolean>();
  function inList(e: Name): boolean {
    var a = e.alias!, ok = verdicts.get(e);
    if (ok !== undefined) return ok;
    verdicts.set(e, false); // a cycle is no alias
    ok = !e.bound && e.writes.length === 1 && e.declarators.length > 0 && steady(a.at!, a.from) && !e.reads.some((r) => r.start < a.node.end || r.end > a.end);
    verdicts.set(e, ok);
    if (ok) target.set(e, { scope: a.at!, to: a.from });
    return ok;
  }
  function steady(s: Names, name: string): boolean {
    var d = scopes.get(bindingAt(s.node, name)!), e = d && d.names[name];
    if (!e || (d!.names.arguments && d!.names.arguments.reads.length)) return false;
    return e.bound ? !e.writes.length && !e.declarators.length : !!e.alias && !!e.alias.sequence && inList(e);
  }
  scopes.forEach(function (s) {
    Object.keys(s.names).forEach((x) => s.names[x].alias && s.names[x].alias!.sequence && inList(s.names[x]));
  });
  // An alias of an alias (`$a=$c` after `$c=$u`) reads the last name of the chain: where that means something else, it stays.
  function chain(e: Name): { name: string; binding: Node | null } {
    var t = target.get(e)!, d, next;
    while ((d = scopes.get(bindingAt(t.scope.node, t.to)!)) && (next = d.names[t.to]) && target.has(next)) t = target.get(next)!;
    return { name: t.to, binding: bindingAt(t.scope.node, t.to) };
  }
  for (var dropped = true; dropped; ) {
    dropped = false;
    target.forEach(function (_, e) {
      var c = chain(e);
      if (e.reads.some((r) => bindingAt(r, c.name) !== c.binding)) dropped = target.delete(e);
    });
  }
  if (!target.size) return null;
  var out = new MagicString(code), gone: Node[] = [];
  target.forEach(function (_, e) {
    gone.push(e.alias!.node);
    e.declarators.forEach((d) => d !== e.alias!.node && gone.push(d));
  });
  target.forEach(function (_, e) {
    var to = chain(e).name;
    e.reads.forEach(function (id) {
      if (!gone.some((g) => g.start <= id.start && id.end <= g.end)) out.overwrite(id.start, id.end, to);
    });
  });
  removeAll(out, gone, parents);
  return { code: out.toString(), map: out.generateMap({ hires: "boundary" }) };
}

/** The statement lists of a scope whose own list is `own`'s, first (its `end` Infinity), then those of its blocks and switch cases, not of its functions; `end`, where each ends. */
function statementLists(own: Node): { statements: Node[]; end: number }[] {
  var lists: { statements: Node[]; end: number }[] = [{ statements: own.body, end: Infinity }];
  eachNodeBut(own, isFunction, function (n) {
    if (n !== own && n.type === "BlockStatement") lists.push({ statements: n.body, end: n.end });
    if (n.type === "SwitchCase") lists.push({ statements: n.consequent, end: n.end });
  });
  return lists;
}

/** The assignments and declarators of a statement that could make an alias: what runs, in order, each time the statement does. */
function aliasesOf(st: Node): Node[] {
  var items = (e: Node): Node[] => (e.type === "SequenceExpression" ? e.expressions : [e]);
  var exprs = st.type === "VariableDeclaration" ? st.declarations : st.type === "ExpressionStatement" ? items(st.expression) : st.type === "ReturnStatement" && st.argument ? items(st.argument).slice(0, -1) : [];
  return exprs.filter((e: Node) => e.type === "VariableDeclarator" || (e.type === "AssignmentExpression" && e.operator === "="));
}

/** Takes each node of `gone` (an expression of a comma list, a declarator, a statement's one expression) out of its list; a statement left with nothing, whole. */
export function removeAll(out: MagicString, gone: Node[], parents: Map<Node, Node | null>): void {
  var lists = new Map<Node, Node[]>();
  gone.forEach(function (n) {
    var list = parents.get(n)!;
    lists.set(list, (lists.get(list) || []).concat([n]));
  });
  lists.forEach(function (drop, list) {
    var items: Node[] = list.type === "VariableDeclaration" ? list.declarations : list.type === "SequenceExpression" ? list.expressions : [drop[0]];
    var kept = items.filter((n) => drop.indexOf(n) < 0), st = list.type === "SequenceExpression" ? parents.get(list)! : list;
    if (!kept.length) {
      // A statement that is an `if`'s or a loop's body becomes an empty one; a for's `var` goes.
      var p = parents.get(st)!, inList = Array.isArray(p.body) || Array.isArray(p.consequent) || (p.type === "ForStatement" && p.init === st);
      return inList ? out.remove(st.start, st.end) : out.overwrite(st.start, st.end, ";");
    }
    // A comma list left with one item, an array's element or a call's argument, needs no parentheses.
    var code = out.original, around = parents.get(list)!;
    if (kept.length === 1 && list.type === "SequenceExpression" && code[list.start - 1] === "(" && code[list.end] === ")" && /^(ArrayExpression|CallExpression|NewExpression)$/.test(around.type) && around.callee !== list) {
      out.remove(list.start - 1, list.start);
      out.remove(list.end, list.end + 1);
    }
    drop.forEach((n) => out.remove(n.start, n.end));
    dropSeparators(out, items, drop);
  });
}
