// Whether every value the app's async functions return is plain: one that
// cannot be awaitable, so that `return x` need not adopt it (ADOPT, in
// features-plugin.ts). A lowered body returns `[2, x]`; x is plain when it is
// a literal, arithmetic, a comparison, an array, a function, an object
// literal without an _aw or then, a string or number of a built-in's
// (String(x), Math.floor(x), s.trim(), a.length), what an await gave (the
// body's second parameter: a task's or coroutine's result, already adopted,
// an event's true, a gather's array; not where a thenable of the runtime's
// may have given it), or a local every value of which is plain. Not a
// parameter, a property, nor a call of the program's own: those may hold a
// task. Where a Queue hands back what the app put in, or then() is kept,
// features-plugin.ts keeps ADOPT anyway.
// What this cannot see: an object whose `length` is an awaitable. Host only.

import { OP_RETURN, opOf } from "./async-nodes";
import { eachMention, indexChunk } from "./chunk-index";
import { keyOf, methodsOf } from "./fresh-coroutines";
import type { Parsed } from "./fresh-coroutines";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** Globals of ES5's that give a string, a number, a boolean or an array. */
var PLAIN_GLOBALS = /^(String|Number|Boolean|parseInt|parseFloat|isNaN|isFinite|(en|de)codeURI(Component)?|Array|Date)$/;
/** Methods of the built-ins that give a string, a number, a boolean or a new array, where the program defines none of the name. */
var PLAIN_METHODS = /^(toString|toFixed|toPrecision|toExponential|toUpperCase|toLowerCase|trim|join|indexOf|lastIndexOf|charAt|charCodeAt|substring|substr|slice|split|concat|replace|map|filter|test|getTime|now|floor|ceil|round|abs|min|max|pow|sqrt|random|stringify)$/;

/**
 * Whether every `[2, x]` the app's lowered bodies return gives a plain x (see above); false where a module cannot be
 * read. `closed`: no thenable of the runtime's can reach the program (FOREIGN off), so what an await gives is plain.
 */
export function appReturnsPlain(modules: Parsed, closed: boolean): boolean {
  if (modules.some((m) => !m.ast)) return false;
  var index = indexChunk(modules), methods = methodsOf(modules), seen: { fn: Node; name: string }[] = [], top: { [name: string]: boolean } = Object.create(null);
  modules.forEach((m) => eachNode(m.ast!, (n) => /^(FunctionDeclaration|VariableDeclarator)$/.test(n.type) && (top[n.id.name] = true)));

  function plain(e: Node | null, at: Node): boolean {
    var t = e ? e.type : "";
    if (!e || /^(Literal|TemplateLiteral|BinaryExpression|UnaryExpression|UpdateExpression|ArrayExpression|FunctionExpression|ArrowFunctionExpression)$/.test(t)) return true;
    if (t === "ObjectExpression") return e.properties.every((p: Node) => p.type === "Property" && !p.computed && !/^(_aw|then)$/.test(keyOf(p)));
    if (t === "ConditionalExpression") return plain(e.consequent, at) && plain(e.alternate, at);
    if (t === "LogicalExpression") return plain(e.left, at) && plain(e.right, at);
    if (t === "SequenceExpression") return plain(e.expressions[e.expressions.length - 1], at);
    if (t === "AssignmentExpression") return e.operator !== "=" || plain(e.right, at);
    if (t === "MemberExpression") return keyOf(e) === "length";
    if (t === "CallExpression" && e.callee.type === "Identifier") return PLAIN_GLOBALS.test(e.callee.name) && !index.scopeOf(e, e.callee.name) && !top[e.callee.name];
    if (t === "CallExpression" && e.callee.type === "MemberExpression") return PLAIN_METHODS.test(keyOf(e.callee)) && !methods[keyOf(e.callee)];
    return t === "Identifier" && plainVariable(e, at);
  }
  /** What an await gave (a lowered body's second parameter), or a local all of whose values are plain. */
  function plainVariable(id: Node, at: Node): boolean {
    var fn = index.scopeOf(at, id.name), ok = true, me = { fn: fn!, name: id.name };
    if (!fn) return false; // the chunk's: anything may write it
    if (fn.params[1] && fn.params[1].name === id.name) return closed && index.isBody(fn);
    if (fn.params.some((p: Node) => p.name === id.name) || seen.some((x) => x.fn === fn && x.name === id.name)) return false;
    seen.push(me); // while its values are looked at: one that is the variable again is not taken
    eachMention(modules, fn, id.name, function (x) {
      var p = index.parent(x);
      if (p.type === "AssignmentExpression" && p.left === x && !plain(p, p)) ok = false;
      if (p.type === "VariableDeclarator" && p.id === x && p.init && !plain(p.init, p)) ok = false;
      if (p.type === "FunctionDeclaration" && p.id === x) ok = false;
    }, index.parent);
    seen.pop();
    return ok;
  }

  return modules.every(function (m) {
    var ok = true;
    if (m.mine || m.id.charAt(0) === "\0") return true;
    eachNode(m.ast!, function (n, p) {
      var ret = p && p.type === "SequenceExpression" ? index.parent(p) : p;
      if (opOf(n) === OP_RETURN && n.elements.length > 1 && ret && ret.type === "ReturnStatement" && index.isBody(index.enclosingFunction(ret)) && !plain(n.elements[1], n)) ok = false;
    });
    return ok;
  });
}
