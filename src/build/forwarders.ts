// A size rewrite of the bundle after aliases.ts: a function declaration that
// only calls another with its own parameters, `function T(t){return M(t)}`
// (promote() where it is createTask(), which terser keeps as a wrapper), is
// the function it calls where it is called with as many arguments, and goes.
// Only where neither name is written, every read of the wrapper is such a
// call, the name it calls means the same there, and that function is no
// wrapper itself. Host only.

import MagicString from "magic-string";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";
import { bindings, nameUses, steadyFunction } from "./scopes";

export function dropForwarders(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), parents = new Map<Node, Node | null>();
  eachNode(ast, (n, p) => parents.set(n, p));
  var bindingAt = bindings(ast, parents), uses = nameUses(ast, parents);
  var out = new MagicString(code);
  uses.forEach(function (names) {
    Object.keys(names).forEach(function (x) {
      var w = names[x], fn = w.declaration ? w.fn : null, to = fn && !w.written && forwardsTo(fn), callee = to && steadyFunction(uses, bindingAt, fn!, to);
      if (!callee || forwardsTo(callee.fn!) || !w.reads.every((r) => calledWith(r, fn!.params.length, parents) && bindingAt(r, to as string) === bindingAt(fn!, to as string))) return;
      w.reads.forEach((r) => out.overwrite(r.start, r.end, to as string));
      out.remove(fn!.start, fn!.end);
    });
  });
  return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: "boundary" }) } : null;
}

/** The name `fn` calls with its parameters, in order, where that is all it does; else null. */
function forwardsTo(fn: Node): string | null {
  var st = fn.body.body.length === 1 ? fn.body.body[0] : null, call = st && st.type === "ReturnStatement" && st.argument;
  var ps = fn.params.map((p: Node) => p.name), args = call && call.type === "CallExpression" && call.callee.type === "Identifier" ? call.arguments : null;
  if (!args || args.length !== ps.length || ps.indexOf(call.callee.name) >= 0 || args.some((x: Node, i: number) => x.type !== "Identifier" || x.name !== ps[i])) return null;
  return call.callee.name;
}

function calledWith(id: Node, n: number, parents: Map<Node, Node | null>): boolean {
  var p = parents.get(id)!;
  return p.type === "CallExpression" && p.callee === id && p.arguments.length === n;
}
