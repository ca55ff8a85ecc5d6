// A size rewrite of the minified bundle (lower.ts runs it): terser writes a
// class as
//   function(){function i(t){...}return i.prototype.result=function(){...},i.prototype.cancel=...,i}()
// and each method repeats `i.prototype`, text that Espruino keeps in RAM. A
// function declared in a scope whose prototype that scope names three times
// or more gets one alias, declared just after the function:
//   function i(t){...}var $0=i.prototype;return $0.result=function(){...},$0.cancel=...,i
// Functions nested in that scope use the alias too (it is in their scope).
// Left alone: a name that is ever assigned, or whose prototype is replaced
// (`i.prototype = {...}`). Each alias has a name no other code uses. Host only.

import MagicString from "magic-string";
import type { Node } from "./lower";

/** Below this many uses an alias costs more text than it saves. */
var MIN_USES = 3;

function isFunction(n: Node): boolean {
  return n.type === "FunctionDeclaration" || n.type === "FunctionExpression";
}

/** Calls `fn` with each AST node directly under `n`, and the key it sits under. */
export function children(n: Node, fn: (c: Node, key: string) => void): void {
  Object.keys(n).forEach(function (k) {
    var v = n[k];
    if (k === "loc" || !v || typeof v !== "object") return;
    (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
      if (c && typeof c.type === "string") fn(c, k);
    });
  });
}

export function aliasPrototypes(s: MagicString, ast: Node): void {
  var used: { [name: string]: boolean } = {}, next = 0;
  (function names(n: Node) {
    if (n.type === "Identifier") used[n.name] = true;
    children(n, names);
  })(ast);
  function fresh(): string {
    while (used["$" + next]) next++;
    used["$" + next] = true;
    return "$" + next;
  }

  (function scope(fn: Node, body: Node[]) {
    // Candidates: the functions declared directly in this scope.
    var decls: { [name: string]: Node } = {}, uses: { [name: string]: Node[] } = {}, spoilt: { [name: string]: boolean } = {};
    body.forEach(function (st) {
      if (st.type === "FunctionDeclaration") decls[st.id.name] = st;
    });
    (function visit(n: Node, parent: Node | null, key: string) {
      if (n.type === "MemberExpression" && !n.computed && n.object.type === "Identifier" && n.property.name === "prototype" && decls[n.object.name]) {
        var name = n.object.name;
        if (parent && parent.type === "AssignmentExpression" && key === "left") spoilt[name] = true;
        (uses[name] = uses[name] || []).push(n);
      }
      if (n.type === "AssignmentExpression" && n.left.type === "Identifier" && decls[n.left.name]) spoilt[n.left.name] = true;
      if (n.type === "CatchClause" && n.param && decls[n.param.name]) return; // the catch's own name
      // A nested scope that declares the same name has a function of its own by it.
      if (n !== fn && isFunction(n)) {
        if (n.params.some((p: Node) => decls[p.name]) || (n.id && n.type === "FunctionExpression" && decls[n.id.name])) return;
        var own = false;
        (function vars(x: Node) {
          if (x.type === "VariableDeclarator" && decls[x.id.name]) own = true;
          if (x.type === "FunctionDeclaration" && decls[x.id.name]) own = true;
          children(x, function (c) {
            if (!isFunction(c)) vars(c);
            else if (c.type === "FunctionDeclaration" && decls[c.id.name]) own = true;
          });
        })(n.body);
        if (own) return;
      }
      children(n, function (c, k) {
        visit(c, n, k);
      });
    })(fn, null, "");
    Object.keys(uses).forEach(function (name) {
      if (spoilt[name] || uses[name].length < MIN_USES) return;
      var alias = fresh();
      s.appendLeft(decls[name].end, "var " + alias + "=" + name + ".prototype;");
      uses[name].forEach(function (m) {
        s.overwrite(m.start, m.end, alias);
      });
    });
    // Then each nested function, as a scope of its own.
    (function nested(n: Node) {
      children(n, function (c) {
        if (isFunction(c)) scope(c, c.body.body);
        else nested(c);
      });
    })(fn === ast ? ast : fn.body);
  })(ast, ast.body);
}
