// A size rewrite of the bundle after forwarders.ts: a parameter to which every
// call passes the same function is that function where it is read, and no
// call passes it. The talk's counters take `print`, and each call passes the
// talk's print(): `W=function(t,i,n,r){...t(s)...}`, `W(C,100,120,h)` become
// `W=function(i,n,r){...C(s)...}`, `W(100,120,h)` (before shorthand.ts makes
// arrows of them).
//
// Only for a function (a declaration, or a `var`'s function written nowhere
// else) whose every read is the callee of a call; that reads no `arguments`;
// of a parameter that nothing writes, where every call passes, as that
// argument, the name of one function declaration that nothing writes, which
// means that function at each read of the parameter too. Passing a name has
// no effect of its own, and the function's value is the same when the
// parameter is read as when the call was made. Host only.

import MagicString from "magic-string";
import { dropSeparators } from "./comma-lists";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";
import { bindings, eachName, nameUses, steadyFunction } from "./scopes";

export function passCommonArgs(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), parents = new Map<Node, Node | null>();
  eachNode(ast, (n, p) => parents.set(n, p));
  var bindingAt = bindings(ast, parents), uses = nameUses(ast, parents);
  /** The function declaration that `name` means where `n` is, if nothing writes it. */
  function steady(n: Node, name: string): Node | null {
    var u = steadyFunction(uses, bindingAt, n, name);
    return u && u.fn!;
  }
  var out = new MagicString(code);
  uses.forEach(function (names) {
    Object.keys(names).forEach(function (x) {
      var w = names[x], fn = w.fn, calls = w.reads.map((r) => parents.get(r)!);
      if (!fn || w.written || (fn.type === "FunctionExpression" && fn.id) || !calls.length || readsArguments(fn)) return; // a named expression may call itself by that name
      if (calls.some((c, i) => c.type !== "CallExpression" || c.callee !== w.reads[i])) return;
      var params: Node[] = fn.params, gone: number[] = [];
      params.forEach(function (p, k) {
        var arg: Node = calls[0].arguments[k], to = p.type === "Identifier" && arg && arg.type === "Identifier" && steady(arg, arg.name), reads: Node[] | null = to ? readsOf(fn!, p, parents) : null;
        if (!reads || !calls.every((c) => c.arguments[k] && c.arguments[k].type === "Identifier" && steady(c, c.arguments[k].name) === to)) return;
        if (!reads.every((r) => steady(r, arg.name) === to)) return; // the name means that function where the parameter is read
        reads.forEach((r) => out.overwrite(r.start, r.end, arg.name));
        gone.push(k);
      });
      if (!gone.length) return;
      var drop = (items: Node[]) => gone.map((k) => items[k]);
      drop(params).forEach((p) => out.remove(p.start, p.end));
      dropSeparators(out, params, drop(params));
      calls.forEach(function (c) {
        drop(c.arguments).forEach((a) => out.remove(a.start, a.end));
        dropSeparators(out, c.arguments, drop(c.arguments));
      });
    });
  });
  return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: "boundary" }) } : null;
}

/** The reads of parameter `p` in `fn` (its own and its inner functions'), or null where it is written or declared again there. */
function readsOf(fn: Node, p: Node, parents: Map<Node, Node | null>): Node[] | null {
  var reads: Node[] = [], ok = fn.params.filter((q: Node) => q.name === p.name).length === 1;
  eachName(fn, { names: {}, parent: null }, function (id, scope) {
    if (!scope || scope.node !== fn || id.name !== p.name || id === p) return;
    var at = parents.get(id)!;
    if (at.type === "VariableDeclarator" || at.type === "FunctionDeclaration" || (at.type === "AssignmentExpression" && at.left === id) || at.type === "UpdateExpression" || (at.type === "ForInStatement" && at.left === id)) ok = false;
    reads.push(id);
  });
  return ok ? reads : null;
}

/** True if `fn`'s code, or a function's in it, reads `arguments` (a conservative test). */
function readsArguments(fn: Node): boolean {
  var found = false;
  eachNode(fn.body, function (n) {
    if (n.type === "Identifier" && n.name === "arguments") found = true;
  });
  return found;
}
