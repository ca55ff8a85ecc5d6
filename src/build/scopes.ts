// ES5 name resolution for the build's rewrites of a bundle: ES5 has function
// scopes only (and a catch clause's name), which is all a reference is
// resolved through here. Host only.

import { eachNodeBut, isFunction } from "./async-nodes";
import { isReference } from "./lower";
import type { Node } from "./lower";

/**
 * `ownName`: the scope of a function expression's own name, which only the function's body sees.
 * `node`: what declares the names (the program, a function, a catch clause), as eachName() sees it.
 */
export type Scope = { names: { [name: string]: boolean }; parent: Scope | null; ownName?: boolean; node?: Node };

/** The names a function declares: params, `var`s and function declarations of its body, not of nested functions. */
export function declared(fn: Node): { [name: string]: boolean } {
  var names: { [name: string]: boolean } = { arguments: true };
  fn.params.forEach(function (p: Node) {
    names[p.name] = true;
  });
  eachNodeBut(
    fn.body,
    function (c) {
      if (c.type === "FunctionDeclaration") names[c.id.name] = true; // its name is this scope's, the rest its own
      return isFunction(c);
    },
    function (n) {
      if (n.type === "VariableDeclarator") names[n.id.name] = true;
    },
  );
  return names;
}

/**
 * Calls `fn` with every identifier in `n` that names a variable (a reference,
 * a parameter, a declared `var` or function, a catch clause's name) and the
 * scope that declares it (null: none, a global). `scope` is the scope `n` is
 * in. A function expression's own name is left out.
 */
export function eachName(n: Node, scope: Scope, fn: (id: Node, declaredIn: Scope | null) => void): void {
  (function visit(n: Node, parent: Node | null, scope: Scope) {
    if (isFunction(n)) {
      if (n.type === "FunctionDeclaration") note(n.id, scope); // the name belongs to the enclosing scope
      var named = n.type === "FunctionExpression" && n.id ? { names: { [n.id.name]: true }, parent: scope, ownName: true } : scope;
      scope = { names: declared(n), parent: named, node: n };
    } else if (n.type === "CatchClause") {
      scope = { names: { [n.param.name]: true }, parent: scope, node: n };
    } else if (n.type === "Identifier" && isReference(n, parent)) {
      note(n, scope);
    }
    Object.keys(n).forEach(function (k) {
      var v = n[k];
      if (k === "loc" || !v || typeof v !== "object") return;
      (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
        // A function's own name is no reference: a declaration's is noted above, an expression's is its own
        if (c && typeof c.type === "string" && !(isFunction(n) && c === n.id)) visit(c, n, scope);
      });
    });
  })(n, null, scope);
  function note(id: Node, scope: Scope): void {
    var s: Scope | null = scope;
    while (s && !s.names[id.name]) s = s.parent;
    fn(id, s);
  }
}

/** The top scope of a parsed bundle, as eachName() takes it: the names the program declares (it has no `arguments`). */
export function topScope(program: Node): Scope {
  var names = declared({ type: "Program", start: 0, end: 0, params: [], body: program } as Node);
  delete names.arguments;
  return { names: names, parent: null, node: program };
}

/**
 * What declares a name where a node is, for the rewrites that move a name's
 * reads (aliases.ts, forwarders.ts): the function or catch clause, or
 * `program` for a name of the top scope; null for a global. `parents` maps
 * each node of `program` to its parent.
 */
export function bindings(program: Node, parents: Map<Node, Node | null>): (n: Node, name: string) => Node | null {
  var cache = new Map<Node, { [name: string]: boolean }>(), top = topScope(program).names;
  function names(fn: Node): { [name: string]: boolean } {
    var d = cache.get(fn);
    if (!d) cache.set(fn, (d = declared(fn)));
    return d;
  }
  return function (n, name) {
    for (var p = n; p !== program; p = parents.get(p)!) {
      if (p.type === "CatchClause" ? p.param.name === name : isFunction(p) && (names(p)[name] || (p.id && p.id.name === name && p.type === "FunctionExpression"))) return p;
    }
    return top[name] ? program : null;
  };
}
