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

/** A name's uses in the scope that declares it, for the rewrites that follow functions to their calls (forwarders.ts, common-args.ts). */
export interface NameUses {
  /** Its function: its declaration, or the value of its `var`. */
  fn?: Node;
  /** Declared by a function declaration. */
  declaration?: boolean;
  /** Every reference but a declaration, a declarator or a parameter. */
  reads: Node[];
  /** Written but by its function: an assignment, an update, a for-in, a second function or another value. */
  written?: boolean;
}

/** Each scope's names (the program's, a function's, a catch clause's) and their uses; `parents` maps each node of `program` to its parent. */
export function nameUses(program: Node, parents: Map<Node, Node | null>): Map<Node, { [name: string]: NameUses }> {
  var uses = new Map<Node, { [name: string]: NameUses }>();
  eachName(program, topScope(program), function (id, scope) {
    if (!scope || !scope.node) return;
    var names = uses.get(scope.node) || (uses.set(scope.node, Object.create(null)), uses.get(scope.node)!);
    var u = names[id.name] || (names[id.name] = { reads: [] }), p = parents.get(id)!;
    if (p.type === "FunctionDeclaration" && p.id === id) {
      if (u.fn) u.written = true;
      u.fn = p;
      u.declaration = true;
    } else if (p.type === "VariableDeclarator" && p.id === id) {
      if (p.init && (u.fn || !isFunction(p.init))) u.written = true;
      else if (p.init) u.fn = p.init;
    } else if ((p.type === "AssignmentExpression" && p.left === id) || p.type === "UpdateExpression" || (p.type === "ForInStatement" && p.left === id)) u.written = true;
    else if (!(isFunction(p) && p.params.indexOf(id) >= 0)) u.reads.push(id);
  });
  return uses;
}

/** The uses of the function declaration that `name` means where `n` is, if nothing writes it; else null. */
export function steadyFunction(uses: Map<Node, { [name: string]: NameUses }>, bindingAt: (n: Node, name: string) => Node | null, n: Node, name: string): NameUses | null {
  var b = bindingAt(n, name), u = b && uses.get(b) && uses.get(b)![name];
  return u && u.declaration && !u.written ? u : null;
}
