// A size rewrite of the minified bundle (before lower.ts): a class's methods,
// set one by one as terser writes them,
//   function i(t){...}...;i.prototype.result=function(){...},i.prototype.cancel=function(){...},n=1;
// become one object literal where the first of them was set:
//   function i(t){...}...;i.prototype={result:function(){...},cancel:function(){...}},n=1;
// Each method's text then carries no `i.prototype.` (or an alias and a dot)
// and its `=`: 3 to 13 bytes a method, text that Espruino keeps in RAM.
//
// Only where the order cannot be seen: in the bundle's outermost scope, for
// a function declared there whose every use up to its last method is one of
// these assignments (no `new i`, no `__extends(i, b)`, no alias), with no
// call in between (a call could reach the class) but of a function written
// in place that names nothing of that scope, or a `new` of a class there
// whose constructor names nothing of it (a device's loop), and values
// that are a function expression, a literal, `void 0` or a function declared
// in that scope. What comes later (`i.prototype.x = y` under a feature flag,
// reads of the prototype) stays as it is and sees the same object. The
// literal has no `constructor` property, which no device code reads.
// Host only.

import MagicString from "magic-string";
import { isFunction } from "./async-nodes";
import { parse } from "./lower";
import type { Node } from "./lower";
import { children } from "./proto-alias";

/** Below this many methods the literal is no shorter; but one function is, where the bundle writes it as a method (`={k(t){}}`, shorthand.ts). */
var MIN_METHODS = 2;
/** Keys an object literal must quote on Espruino's parser (reserved words; the rest are plain). */
var RESERVED = /^(break|case|catch|class|const|continue|debugger|default|delete|do|else|enum|export|extends|false|finally|for|function|if|import|in|instanceof|new|null|return|super|switch|this|throw|true|try|typeof|var|void|while|with|let|static|yield|of|undefined)$/;

/** The statements of the outermost scope: rollup's `!function(){...}()`'s body, or the program's. */
function outermost(ast: Node): Node[] {
  var e = ast.body.length === 1 && ast.body[0].type === "ExpressionStatement" ? ast.body[0].expression : null;
  if (e && e.type === "UnaryExpression" && e.operator === "!") e = e.argument;
  return e && e.type === "CallExpression" && e.callee.type === "FunctionExpression" && !e.arguments.length ? e.callee.body.body : ast.body;
}

interface Method {
  /** The assignment `X.prototype.name = value`, the expression list it is in (or its statement). */
  node: Node;
  list: Node[] | null;
  statement: Node;
  name: string;
}

/** `asMethods`: the bundle's functions in object literals become methods (not --es5). */
export function literalPrototypes(code: string, asMethods?: boolean): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), body = outermost(ast), s = new MagicString(code), changed = false;
  var declared: { [name: string]: Node } = Object.create(null), topNames: { [name: string]: boolean } = Object.create(null);
  body.forEach(function (st) {
    if (st.type === "FunctionDeclaration") (declared[st.id.name] = st), (topNames[st.id.name] = true);
    if (st.type === "VariableDeclaration") st.declarations.forEach((d: Node) => (topNames[d.id.name] = true));
  });
  // In order, each top-level expression of the outermost scope: a method assignment, or something else.
  var methods: { [cls: string]: Method[] } = Object.create(null), spoilt: { [cls: string]: boolean } = Object.create(null);
  var events: { at: number; cls?: string; call?: boolean }[] = [];

  function methodOf(e: Node): { cls: string; name: string } | null {
    if (e.type !== "AssignmentExpression" || e.operator !== "=" || e.left.type !== "MemberExpression" || e.left.computed) return null;
    var o = e.left.object;
    if (o.type !== "MemberExpression" || o.computed || o.object.type !== "Identifier" || o.property.name !== "prototype" || !declared[o.object.name]) return null;
    var v = e.right;
    var plain = isFunction(v) || v.type === "Literal" || (v.type === "UnaryExpression" && v.operator === "void" && v.argument.type === "Literal") || (v.type === "Identifier" && declared[v.name]);
    return plain ? { cls: o.object.name, name: e.left.property.name } : null;
  }
  /** Records what `n` (outside the method assignments) does: uses of declared functions, calls; not inside nested functions. */
  function scan(n: Node, parent: Node | null): void {
    if (isFunction(n)) return;
    if ((n.type === "CallExpression" && !isolated(n.callee)) || (n.type === "NewExpression" && !(n.callee.type === "Identifier" && declared[n.callee.name] && isolated(declared[n.callee.name])))) {
      events.push({ at: n.start, call: true });
    }
    if (n.type === "Identifier" && declared[n.name] && !(parent && parent.type === "MemberExpression" && parent.property === n && !parent.computed) && !(parent && parent.type === "Property" && parent.key === n)) {
      events.push({ at: n.start, cls: n.name });
    }
    children(n, function (c) {
      scan(c, n);
    });
  }
  /** A function called in place, or a constructor, that names nothing of the outermost scope (the board's `function(){return [Serial1, "B7", "B6"]}()`): it reaches no class. */
  function isolated(fn: Node): boolean {
    var ok = fn.type === "FunctionExpression" || fn.type === "FunctionDeclaration";
    (function visit(x: Node, parent: Node | null) {
      if (x === fn.id) return;
      if (x.type === "Identifier" && topNames[x.name] && !(parent && parent.type === "MemberExpression" && parent.property === x && !parent.computed) && !(parent && parent.type === "Property" && parent.key === x)) ok = false;
      if (ok) children(x, (c) => visit(c, x));
    })(fn, null);
    return ok;
  }
  body.forEach(function (st) {
    if (st.type === "FunctionDeclaration") return;
    var list: Node[] | null = st.type === "ExpressionStatement" && st.expression.type === "SequenceExpression" ? st.expression.expressions : null;
    var exprs: Node[] = list || (st.type === "ExpressionStatement" ? [st.expression] : []);
    if (!exprs.length) return scan(st, null);
    exprs.forEach(function (e) {
      var m = methodOf(e);
      if (!m) return scan(e, null);
      var ms = methods[m.cls] || (methods[m.cls] = []);
      if (ms.some((x) => x.name === m!.name)) spoilt[m.cls] = true;
      ms.push({ node: e, list: list, statement: st, name: m.name });
      scan(e.right, e);
    });
  });

  Object.keys(methods).forEach(function (cls) {
    var ms = methods[cls], first = ms[0], last = ms[ms.length - 1].node;
    if (spoilt[cls] || ms.length < (asMethods && ms.length === 1 && first.node.right.type === "FunctionExpression" ? 1 : MIN_METHODS)) return;
    // Nothing may see the prototype, or run anything, before its last method is set.
    if (events.some((ev) => ev.at < last.end && (ev.call || ev.cls === cls))) return;
    var v0 = first.node.right;
    s.overwrite(first.node.start, v0.start, cls + ".prototype={" + key(first.name) + ":");
    ms.slice(1).forEach(function (m) {
      var v = m.node.right;
      s.move(m.node.start, m.node.end, v0.end);
      s.overwrite(m.node.start, v.start, "," + key(m.name) + ":");
      dropSeparator(s, m.node, m.list, m.statement);
    });
    s.appendLeft(last.end, "}"); // moved with the last method, which comes last
    changed = true;
  });
  if (!changed) return null;
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };

}

/** Removes the separator that went with expression `node`, moved or removed: the comma before it in `list` (after it, if first), or its statement's `;` where it is the statement's whole expression (no list). */
function dropSeparator(s: MagicString, node: Node, list: Node[] | null, statement: Node): void {
  var i = list ? list.indexOf(node) : -1;
  if (!list) s.remove(node.end, statement.end);
  else if (i > 0) s.remove(list[i - 1].end, node.start);
  else s.remove(node.end, list[1].start);
}

function key(name: string): string {
  return RESERVED.test(name) ? JSON.stringify(name) : name;
}
