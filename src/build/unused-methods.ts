// Drops the methods no code of the bundle calls. Rollup and terser drop
// unused functions but keep every method of a class they keep: a blink that
// never cancels a task still carried Task.prototype.cancel and all it calls.
// Here a method assignment `X.prototype.name = ...` goes when `name` appears
// nowhere else in the bundle: not as a property read, an object key or a
// string (so `t["cancel"]()` keeps it). Repeated until nothing more goes, as
// a removed method may have been the last caller of another.
//
// Names called from outside the bundle are kept whatever: `then` (a native
// Promise adopting a task calls it), `toString`, `valueOf` and `toJSON`
// (conversions), `constructor`. An object literal's key defines a name and
// does not keep one: the uart adapter's `{ read: ... }` keeps no Uart.prototype.read;
// nor does a read on a name bound once to an object literal and to nothing
// else: `uartHal.close(h)` keeps no Uart.prototype.close.
//
// Code under `if (false)`, or `if (FLAG)`, `FLAG && x` or `FLAG ? x : y`
// where `var FLAG = false` (a feature the features plugin turned off), keeps
// nothing: terser drops it.
//
// A class that nothing refers to any more but its own prototype's
// assignments goes too, with them (EOFError, once readexactly() went):
// terser keeps such assignments, as they might have effects. So does one
// that nothing makes but `instanceof` tests it: they are false (a blink that
// cancels nothing tests no exception for CancelledError). A function nothing
// refers to goes as well, and what it alone referred to may follow
// (awaitThenable() under a false FOREIGN).
//
// A private field of ristretto's own (internal-names.ts: never a user's, whose
// `_id` may come from parsed JSON) that no code writes, as a property or an
// object key or a string, is undefined wherever it is read: such a read
// becomes `void 0`, and terser folds what follows (a loop without
// setExceptionHandler has no handler to try). The other way round, one that
// no code reads is not written: the loop's `_current`, which only cancel()
// and currentTask() read, costs a blink that has neither a write a switch.
// Code dropped here neither reads nor writes.
// It runs on rollup's output, before terser. Host only.

import MagicString from "magic-string";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";

var KEEP: { [name: string]: boolean } = { then: true, toString: true, valueOf: true, toJSON: true, constructor: true };

/** `X.prototype.name = value;` as a statement: the method's name, else "". */
function methodName(st: Node): string {
  var e = st.type === "ExpressionStatement" ? st.expression : null;
  if (!e || e.type !== "AssignmentExpression" || e.operator !== "=") return "";
  var l = e.left;
  if (l.type !== "MemberExpression" || l.computed || l.object.type !== "MemberExpression") return "";
  if (l.object.computed || l.object.property.name !== "prototype") return "";
  if (e.right.type !== "FunctionExpression" && e.right.type !== "Identifier") return "";
  return KEEP[l.property.name] ? "" : l.property.name;
}

/** `var X = (function () { function X() {...} ...; return X; }());`, TypeScript's ES5 class, or `function X() {...}`: X, else "". */
function className(st: Node): string {
  if (st.type === "FunctionDeclaration") return st.id.name;
  var d = st.type === "VariableDeclaration" && st.declarations.length === 1 ? st.declarations[0] : null;
  var fn = d && d.init && d.init.type === "CallExpression" && !d.init.arguments.length ? d.init.callee : null;
  var first = fn && fn.type === "FunctionExpression" ? fn.body.body[0] : null;
  return first && first.type === "FunctionDeclaration" && first.id.name === d.id.name ? d.id.name : "";
}

/** `X.prototype.p = <a literal, a function or a name>;`: X, else "". */
function protoOwner(st: Node): string {
  var e = st.type === "ExpressionStatement" ? st.expression : null;
  var l = e && e.type === "AssignmentExpression" && e.operator === "=" ? e.left : null;
  if (!l || l.type !== "MemberExpression" || l.object.type !== "MemberExpression" || l.object.object.type !== "Identifier") return "";
  if (l.object.computed || l.object.property.name !== "prototype" || !/^(Literal|FunctionExpression|Identifier)$/.test(e.right.type)) return "";
  return l.object.object.name;
}

/** An operand that reads and does nothing else: a name, `this`, or a property of one. */
function pure(n: Node): boolean {
  return n.type === "Identifier" || n.type === "ThisExpression" || (n.type === "MemberExpression" && !n.computed && pure(n.object));
}

/** The `X.prototype.name` being assigned by a method statement. */
function isDefinedName(n: Node, parent: Node | null): boolean {
  return !!parent && parent.type === "AssignmentExpression" && parent.left === n && !!methodName({ type: "ExpressionStatement", expression: parent } as unknown as Node);
}

/** Replaces each read of one of the `own` fields that nothing writes with `void 0` (not a call's callee); the number replaced. */
function readUnwritten(ast: Node, s: MagicString, own: string[], skip: (n: Node) => boolean): number {
  var written: { [name: string]: boolean } = Object.create(null), reads: Node[] = [];
  eachNode(ast, function (n, parent) {
    if (skip(n)) return; // in what is dropped
    if (n.type === "Property") written[n.key.type === "Identifier" ? n.key.name : String(n.key.value)] = true;
    if (n.type === "Literal" && typeof n.value === "string") written[n.value] = true;
    if (n.type !== "MemberExpression" || n.computed || own.indexOf(n.property.name) < 0) return;
    var p = parent!;
    if ((p.type === "AssignmentExpression" && p.left === n) || p.type === "UpdateExpression" || (p.type === "UnaryExpression" && p.operator === "delete")) written[n.property.name] = true;
    else if (!(p.type === "CallExpression" && p.callee === n) && pure(n.object)) reads.push(n);
  });
  reads = reads.filter((n) => !written[n.property.name]);
  reads.forEach((n) => s.overwrite(n.start, n.end, "void 0"));
  return reads.length;
}

/**
 * Drops each write of one of the `own` fields that nothing reads (as a property, or a string): `x.f = v`
 * becomes `(v)`, `delete x.f` becomes `!0`, for `x` a name, `this` or a property of one. The number dropped.
 */
function writeUnread(ast: Node, s: MagicString, own: string[], skip: (n: Node) => boolean): number {
  var read: { [name: string]: boolean } = Object.create(null), writes: { n: Node; p: Node }[] = [];
  eachNode(ast, function (n, parent) {
    if (skip(n)) return; // in what is dropped
    if (n.type === "Literal" && typeof n.value === "string") read[n.value] = true;
    if (n.type !== "MemberExpression" || n.computed || own.indexOf(n.property.name) < 0) return;
    var p = parent!;
    if ((p.type === "AssignmentExpression" && p.operator === "=" && p.left === n) || (p.type === "UnaryExpression" && p.operator === "delete")) {
      if (pure(n.object)) writes.push({ n: n, p: p });
    } else read[n.property.name] = true;
  });
  writes = writes.filter((w) => !read[w.n.property.name]);
  writes.forEach(function (w) {
    if (w.p.type === "UnaryExpression") return s.overwrite(w.p.start, w.p.end, "!0");
    s.overwrite(w.p.start, w.p.right.start, "(");
    s.appendLeft(w.p.right.end, ")");
  });
  return writes.length;
}

/**
 * Names bound once, at the top, to an object literal (the uart adapters): a property read on one
 * reads that object's own property, never a class's method. And the code under a name bound once to
 * false: a feature the features plugin turned off, whose `if (FLAG) {...}` (or `if (FLAG && x)`,
 * `FLAG && x`, `FLAG ? x : y`) keeps nothing, as terser drops it. Any other binding of the name (a
 * second var, an assignment, a parameter, a function's or a catch clause's name) may hold something else.
 */
export function boundOnce(ast: Node): { literals: { [name: string]: boolean }; dead: Node[] } {
  var binds: { [name: string]: number } = Object.create(null), literals: { [name: string]: boolean } = Object.create(null), falses: { [name: string]: boolean } = Object.create(null), guards: Node[] = [], dead: Node[] = [];
  function bind(name: string): void {
    binds[name] = (binds[name] || 0) + 1;
  }
  eachNode(ast, function (n) {
    if (n.type === "IfStatement" || n.type === "ConditionalExpression" || (n.type === "LogicalExpression" && n.operator === "&&")) guards.push(n);
    if (n.type === "VariableDeclarator") {
      bind(n.id.name);
      if (n.init && n.init.type === "ObjectExpression") literals[n.id.name] = true;
      if (n.init && n.init.type === "Literal" && n.init.value === false) falses[n.id.name] = true;
    }
    if (n.type === "AssignmentExpression" && n.left.type === "Identifier") bind(n.left.name);
    if (/^Function/.test(n.type)) n.params.concat(n.id ? [n.id] : []).forEach((p: Node) => bind(p.name));
    if (n.type === "CatchClause") bind(n.param.name);
    if (n.type === "ForInStatement" && n.left.type === "Identifier") bind(n.left.name);
  });
  Object.keys(binds).forEach(function (k) {
    if (binds[k] > 1) {
      delete literals[k];
      delete falses[k];
    }
  });
  function isFalse(t: Node): boolean {
    if (t.type === "LogicalExpression" && t.operator === "&&") return isFalse(t.left); // `if (FLAG && x)`
    return t.type === "Literal" ? t.value === false : t.type === "Identifier" && !!falses[t.name];
  }
  guards.forEach(function (n) {
    if (n.type === "LogicalExpression") {
      if (isFalse(n.left)) dead.push(n.right); // `FLAG && x`
    } else if (isFalse(n.test)) dead.push(n.consequent); // `if (FLAG) x`, `FLAG ? x : y`
  });
  return { literals: literals, dead: dead };
}

export function dropUnusedMethods(code: string, own: string[] = []): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), s = new MagicString(code), removed: Node[] = [], once = boundOnce(ast), literals = once.literals, dead = once.dead, changed = true;
  function within(n: Node, list: Node[]): boolean {
    return list.some(function (r) {
      return n.start >= r.start && n.end <= r.end;
    });
  }
  function inRemoved(n: Node): boolean {
    return within(n, removed) || within(n, dead);
  }
  function remove(st: Node): void {
    removed.push(st);
    s.remove(st.start, st.end);
    changed = true;
  }
  while (changed) {
    changed = false;
    var defs: { st: Node; name: string }[] = [], used: { [name: string]: number } = {};
    // Per class name: its statement, its prototype's assignments, and how often the name occurs elsewhere.
    var classes: { [name: string]: { st: Node[]; refs: number; tests: Node[] } } = Object.create(null), idents: { n: Node; parent: Node | null }[] = [];
    eachNode(ast, function (n, parent) {
      if (inRemoved(n)) return;
      var name = methodName(n), owner = className(n) || protoOwner(n);
      if (name) defs.push({ st: n, name: name });
      if (owner) (classes[owner] || (classes[owner] = { st: [], refs: 0, tests: [] })).st.push(n);
      if (n.type === "MemberExpression" && !n.computed && !isDefinedName(n, parent) && !(n.object.type === "Identifier" && literals[n.object.name])) {
        used[n.property.name] = (used[n.property.name] || 0) + 1;
      }
      if (n.type === "Literal" && typeof n.value === "string") used[n.value] = 1;
      if (n.type === "Identifier" && !(parent && ((parent.type === "MemberExpression" && parent.property === n && !parent.computed) || (parent.type === "Property" && parent.key === n)))) idents.push({ n: n, parent: parent });
    });
    defs.forEach(function (d) {
      if (!used[d.name] && !inRemoved(d.st)) remove(d.st);
    });
    idents.forEach(function (x) {
      var c = classes[x.n.name], p = x.parent;
      if (!c || c.st.some((st) => x.n.start >= st.start && x.n.end <= st.end)) return;
      if (p && p.type === "BinaryExpression" && p.operator === "instanceof" && p.right === x.n && pure(p.left)) c.tests.push(p);
      else c.refs++;
    });
    Object.keys(classes).forEach(function (name) {
      var c = classes[name];
      if (c.refs || !c.st.some((st) => className(st) === name)) return;
      // Nothing makes one: `x instanceof X` is false (terser folds what follows), and the class goes.
      c.tests.forEach(function (t) {
        s.overwrite(t.start, t.end, "false");
        dead.push(t);
      });
      c.st.forEach((st) => inRemoved(st) || remove(st));
    });
  }
  var folded = readUnwritten(ast, s, own, inRemoved) + writeUnread(ast, s, own, inRemoved);
  if (!removed.length && !folded) return null;
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}
