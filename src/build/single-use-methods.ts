// A size and memory rewrite of the device bundle, before terser: a method of
// ristretto's own (internal-names.ts) that the bundle calls from one place
// only goes into that place. On Espruino every function costs about five
// variables before its text, and terser inlines a function called once, never
// a method: the source keeps the method, named for what it does, and the
// bundle the call site's code. Two ways:
// - A call that is a statement, `o._fire();` or `this._addTimer(task);`,
//   becomes a block of the method's body, its parameters and variables
//   renamed and declared there, `this` the receiver:
//     { var node$ = task; var ts$ = this._timers, ...; ... }
//   (a parameter given a name, where the body calls nothing and assigns
//   neither, is that name: `{ task._on = token; }`)
//   (a receiver other than a name or `this` is read once into a variable
//   too, before the arguments, as the call read it); only for a body without
//   `return` or a nested function, whose other names mean at the call what
//   they mean in the method (the caller declares none of them); into a loop,
//   only one that calls no function by name (terser inlines none there).
// - Another call becomes one of a function of the receiver, which terser then
//   inlines as it inlines any function called once:
//     X.prototype._ready = function (v) {...this...};  ...  if (o._ready(v)) ...
//     function _ready$(self$, v) {...self$...};         ...  if (_ready$(o, v)) ...
//   only where terser can make an expression of the body (no loop, try or
//   switch: it would make that a function called on the spot, made anew at
//   every call) and the call is not in a loop (terser inlines nothing there).
// Only a method assigned once, as a statement of the bundle's top scope (or
// of a class wrapper class-unwrap.ts removes), whose name appears nowhere else
// (no other read, key or string: nothing else can call it or replace it; code
// under a feature flag that is off, which terser drops, does not count),
// called on a name, `this` or a property of one (not in parentheses),
// outside its own body and outside another method rewritten here; and not one
// that reads `arguments` or is named. Host only.

import MagicString from "magic-string";
import { eachOwn, wrappedClass } from "./class-unwrap";
import { isReference } from "./lower";
import { boundOnce } from "./unused-methods";
import { wrapper } from "./top-level";
import { children } from "./proto-alias";
import type { Node } from "./lower";

/** What terser cannot make an expression of. */
var STATEMENTS = /^(For|ForIn|While|DoWhile|Try|Switch|Labeled)Statement$/;
var LOOPS = /^(For|ForIn|While|DoWhile)Statement$/;

function isFunction(n: Node): boolean {
  return n.type === "FunctionDeclaration" || n.type === "FunctionExpression";
}

/** `X.prototype.name = function (...) {...};`: the name and the function, else null. */
function methodOf(st: Node): { name: string; fn: Node } | null {
  var e = st.type === "ExpressionStatement" ? st.expression : null;
  var l = e && e.type === "AssignmentExpression" && e.operator === "=" ? e.left : null;
  if (!l || l.type !== "MemberExpression" || l.computed || l.object.type !== "MemberExpression") return null;
  if (l.object.computed || l.object.property.name !== "prototype" || e.right.type !== "FunctionExpression") return null;
  return { name: l.property.name, fn: e.right };
}

/** The names declared anywhere in `fn` (parameters, variables, functions, catch clauses). */
function declaredIn(fn: Node, into: { [name: string]: boolean }): void {
  (function visit(n: Node) {
    if (isFunction(n)) n.params.concat(n.id ? [n.id] : []).forEach((p: Node) => (into[p.name] = true));
    if (n.type === "VariableDeclarator") into[n.id.name] = true;
    if (n.type === "CatchClause") into[n.param.name] = true;
    children(n, visit);
  })(fn);
}

interface Use {
  n: number;
  call?: Node;
  /** The call's ancestors, outermost first. */
  path: Node[];
}

/** Inlines or makes a function of each such method of `ast`; the number rewritten. */
export function inlineSingleUseMethods(s: MagicString, ast: Node, own: string[]): number {
  var code = s.original, names: { [name: string]: boolean } = Object.create(null), count = 0;
  var defs: { [name: string]: { st: Node; fn: Node; n: number } } = Object.create(null), uses: { [name: string]: Use } = Object.create(null);
  function use(name: string, call: Node | undefined, path: Node[]): void {
    var u = uses[name] || (uses[name] = { n: 0, path: [] });
    u.n++;
    u.call = call;
    u.path = path.slice();
  }
  function fresh(name: string): string {
    while (names[name]) name += "$";
    names[name] = true;
    return name;
  }
  // Statements at the top scope: the body of the bundle's wrapper (rollup's IIFE), and of the class wrappers in it.
  var main = wrapper(ast);
  (function topScope(list: Node[]): void {
    list.forEach(function (st) {
      var m = methodOf(st), c = wrappedClass(st);
      if (m) (defs[m.name] || (defs[m.name] = { st: st, fn: m.fn, n: 0 })).n++;
      if (c) topScope(c.body);
    });
  })(main ? main.body.body : []);
  var dead = boundOnce(ast).dead; // what terser drops calls nothing
  (function visit(n: Node, parent: Node | null, path: Node[]) {
    if (n.type === "Identifier") names[n.name] = true;
    if (dead.indexOf(n) >= 0) return;
    if (n.type === "MemberExpression" && !n.computed && !(parent && parent.type === "AssignmentExpression" && parent.left === n && methodOf({ type: "ExpressionStatement", expression: parent } as unknown as Node))) {
      use(n.property.name, parent && parent.type === "CallExpression" && parent.callee === n ? parent : undefined, path);
    }
    if (n.type === "Property") use(n.key.type === "Identifier" ? n.key.name : String(n.key.value), undefined, path);
    if (n.type === "Literal" && typeof n.value === "string") use(n.value, undefined, path);
    path.push(n);
    children(n, function (c) {
      visit(c, n, path);
    });
    path.pop();
  })(ast, null, []);

  /** The call as a block of the method's body, if it may be: the edit, else null. */
  function inline(d: { st: Node; fn: Node }, u: Use): (() => void) | null {
    var call = u.call!, st = u.path[u.path.length - 2], recv = call.callee.object, fn = d.fn, ok = fn.body.body.length > 0;
    if (st.type !== "ExpressionStatement") return null;
    var renamed: { [name: string]: string } = Object.create(null), free: string[] = [], declared: { [name: string]: boolean } = Object.create(null), inLoop = false, calls = false;
    var assigned: { [name: string]: boolean } = Object.create(null), invokes = false;
    fn.params.forEach((p: Node) => (renamed[p.name] = ""));
    eachOwn(fn.body, function (n) {
      if (isFunction(n) || n.type === "ReturnStatement" || (n.type === "Identifier" && n.name === "arguments")) ok = false;
      if (n.type === "VariableDeclarator") renamed[n.id.name] = "";
    });
    if (!ok) return null;
    eachOwn(fn.body, function (n, parent) {
      if (n.type === "Identifier" && isReference(n, parent) && !(n.name in renamed)) free.push(n.name);
      if (n.type === "CallExpression" && n.callee.type === "Identifier") calls = true;
      if (n.type === "CallExpression" || n.type === "NewExpression") invokes = true;
      if (n.type === "AssignmentExpression" && n.left.type === "Identifier") assigned[n.left.name] = true;
      if (n.type === "UpdateExpression" && n.argument.type === "Identifier") assigned[n.argument.name] = true;
    });
    // The caller's functions (inside the top scope) must not declare a name the body reads from the top scope, nor the receiver's.
    for (var i = u.path.length - 1; i >= 0 && u.path[i] !== main; i--) {
      if (isFunction(u.path[i])) declaredIn(u.path[i], declared);
      else if (LOOPS.test(u.path[i].type) && !u.path.slice(i + 1).some(isFunction)) inLoop = true;
    }
    if (free.some((f) => declared[f]) || (recv.type === "Identifier" && free.indexOf(recv.name) >= 0)) return null;
    // Into a loop, not a body that calls a function by its name: terser, which would have inlined that function into the method, inlines nothing into a loop.
    if (inLoop && calls) return null;
    return function () {
      // The receiver and the arguments are read once, in their order, into variables; a receiver that is a name is used as it is.
      var self = recv.type === "Identifier" ? s.slice(recv.start, recv.end) : recv.type === "ThisExpression" ? "" : fresh("self$");
      var params = self && recv.type !== "Identifier" ? [self + " = " + s.slice(recv.start, recv.end)] : [];
      Object.keys(renamed).forEach((k) => (renamed[k] = fresh(k + "$")));
      fn.params.forEach(function (p: Node, k: number) {
        var a = call.arguments[k];
        // A name given for a parameter that neither the body nor anything it calls can change is used as it is.
        if (a && a.type === "Identifier" && !invokes && !assigned[p.name] && !assigned[a.name]) renamed[p.name] = a.name;
        else params.push(renamed[p.name] + " = " + (a ? s.slice(a.start, a.end) : "void 0"));
      });
      eachOwn(fn.body, function (n, parent) {
        // A variable declared in a loop keeps its last value: one the method left undefined is set so.
        var unset = inLoop && parent.type === "VariableDeclarator" && parent.id === n && !parent.init;
        if (n.type === "Identifier" && isReference(n, parent) && n.name in renamed) s.overwrite(n.start, n.end, renamed[n.name] + (unset ? " = void 0" : ""));
        if (n.type === "ThisExpression" && self) s.overwrite(n.start, n.end, self);
      });
      s.remove(d.st.start, fn.body.start + 1);
      s.remove(fn.body.end - 1, d.st.end);
      s.overwrite(st.start, st.end, "{" + (params.length ? " var " + params.join(", ") + ";" : ""));
      s.move(fn.body.start + 1, fn.body.end - 1, st.end);
      s.appendRight(st.end, "}");
    };
  }

  /** The method as a function of its receiver, if terser can inline it: the edit, else null. */
  function asFunction(name: string, d: { st: Node; fn: Node }, u: Use): (() => void) | null {
    var call = u.call!, recv = call.callee.object, fn = d.fn, ok = true;
    for (var i = u.path.length - 1; i >= 0 && !isFunction(u.path[i]); i--) if (LOOPS.test(u.path[i].type)) ok = false;
    eachOwn(fn.body, function (n) {
      if ((n.type === "Identifier" && n.name === "arguments") || STATEMENTS.test(n.type)) ok = false;
    });
    if (!ok) return null;
    return function () {
      var f = fresh(name + "$"), self = fresh("self$");
      // `X.prototype.name = function (a) {` becomes `function name$(self$, a) {`; its `this`, self$.
      s.overwrite(d.st.start, fn.params.length ? fn.params[0].start : code.indexOf("(", fn.start) + 1, "function " + f + "(" + self + (fn.params.length ? ", " : ""));
      eachOwn(fn.body, function (n) {
        if (n.type === "ThisExpression") s.overwrite(n.start, n.end, self);
      });
      // `o.name(a)` becomes `name$(o, a)`.
      s.appendLeft(recv.start, f + "(");
      s.overwrite(recv.end, call.arguments.length ? call.arguments[0].start : call.end, call.arguments.length ? ", " : ")");
    };
  }

  var edits: { [name: string]: () => void } = Object.create(null);
  Object.keys(defs).forEach(function (name) {
    var d = defs[name], u = uses[name], call = u && u.call, recv = call && call.callee.object, edit: (() => void) | null;
    if (d.n !== 1 || own.indexOf(name) < 0 || !u || u.n !== 1 || !call || d.fn.id || u.path.indexOf(d.st) >= 0) return;
    if (!/^(Identifier|ThisExpression|MemberExpression)$/.test(recv.type) || call.callee.start !== recv.start) return;
    if ((edit = inline(d, u) || asFunction(name, d, u))) edits[name] = edit;
  });
  // Not a call in the body of another method that moves or changes its `this`: one at a time.
  var planned = Object.keys(edits);
  planned.forEach(function (name) {
    if (planned.some((other) => uses[name].path.indexOf(defs[other].st) >= 0)) return;
    edits[name]();
    count++;
  });
  return count;
}
