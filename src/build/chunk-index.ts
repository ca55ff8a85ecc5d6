// A bundle's modules, parsed, with what the analyses of its coroutines
// (consumed-coroutines.ts, plain-returns.ts) ask of any node: its parent,
// whether it is ristretto's own, its function, and whether that function is
// a lowered async body. Host only.

import { isFunction } from "./async-nodes";
import type { Parsed } from "./fresh-coroutines";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";
import { declared } from "./scopes";

export type ChunkIndex = {
  parent: (n: Node) => Node;
  /** Whether a node is in one of ristretto's own modules. */
  mine: (n: Node) => boolean;
  /** The function a node is in, or null at the top level. */
  enclosingFunction: (n: Node) => Node | null;
  /** A lowered async body: the function given to __generator, which the driver runs. */
  isBody: (fn: Node | null) => boolean;
  /** The function that declares `name` for a node in it (a parameter, a `var`, a function), or null for the chunk's. */
  scopeOf: (n: Node, name: string) => Node | null;
};

export function indexChunk(modules: Parsed): ChunkIndex {
  var parents = new Map<Node, Node | null>(), own = new Set<Node>();
  modules.forEach(function (m) {
    eachNode(m.ast!, function (n, parent) {
      parents.set(n, parent);
      if (m.mine) own.add(n);
    });
  });
  function parent(n: Node): Node {
    return parents.get(n)!;
  }
  function enclosingFunction(n: Node): Node | null {
    for (var x: Node | null = parent(n); x; x = parent(x)) if (isFunction(x)) return x;
    return null;
  }
  function isBody(fn: Node | null): boolean {
    var call = fn && parent(fn);
    return !!call && call.type === "CallExpression" && call.callee.type === "Identifier" && /^__generator(\$\d+)?$/.test(call.callee.name);
  }
  function scopeOf(n: Node, name: string): Node | null {
    for (var fn = enclosingFunction(n); fn; fn = enclosingFunction(fn)) if (declares(fn, name)) return fn;
    return null;
  }
  return { parent: parent, mine: (n) => own.has(n), enclosingFunction: enclosingFunction, isBody: isBody, scopeOf: scopeOf };
}

/** Whether a function declares a variable `name` of its own: a parameter, a `var`, a function in it, a function expression's name. */
export function declares(fn: Node, name: string): boolean {
  return declared(fn)[name] === true || (fn.type === "FunctionExpression" && !!fn.id && fn.id.name === name);
}

/** The nodes right under `x`. */
export function children(x: Node): Node[] {
  var all: Node[] = [];
  Object.keys(x).forEach(function (k) {
    var v = x[k];
    if (v && typeof v === "object" && k !== "loc") (Array.isArray(v) ? v : [v]).forEach((c: Node) => c && typeof c.type === "string" && all.push(c));
  });
  return all;
}

/** Calls each(node, nested) for the nodes of a function's body; nested for those inside a function in it. */
export function eachNodeIn(fn: Node, each: (n: Node, nested: boolean) => void): void {
  (function visit(x: Node, nested: boolean) {
    each(x, nested);
    children(x).forEach((c) => visit(c, nested || isFunction(x)));
  })(fn.body, false);
}

/**
 * Calls each(id) for every mention of the variable `name` that `scope` declares (null: the chunk's own), in its
 * body and the functions in it that do not declare one of their own.
 */
export function eachMention(modules: Parsed, scope: Node | null, name: string, each: (id: Node) => void, parent: (n: Node) => Node): void {
  (scope ? [scope.body] : modules.map((m) => m.ast!)).forEach(function visit(x: Node) {
    if (isFunction(x) && declares(x, name)) return; // its own variable of that name
    if (x.type === "Identifier" && x.name === name && isReference(x, parent(x))) each(x);
    children(x).forEach(visit);
  });
}
