// A size and memory rewrite of the device bundle, before terser: a function
// that only makes an object of a class,
//   function __generator(thisArg, body) { return new Coroutine(thisArg); }
// goes, and each call of it becomes the `new` itself:
//   __generator(function (_a) {...})  ->  new Coroutine(function (_a) {...})
// terser keeps such a function where it is called more than once, and on
// Espruino a function costs about five variables and each call a call; at
// most four calls, so that the text does not grow. Only a
// function declared at the bundle's top scope that returns `new C(a, b, ...)`
// of its own first parameters in order, whose every mention is a call passing
// no more arguments than it passes on, where neither its name nor C's is
// declared anywhere else in the bundle (nothing can mean another). Host only.

import MagicString from "magic-string";
import { wrappedClass } from "./class-unwrap";
import { eachNode, isReference } from "./lower";
import { wrapper } from "./top-level";
import type { Node } from "./lower";

/** Minified, each call grows by `new ` (`$f(` becomes `new $i(`), and the function was about 16 characters (`$f=t=>new $i(t),`): beyond 4 calls the text would grow. */
var MAX_CALLS = 4;

/** `function f(a, b) { return new C(a, b); }`: C and how many parameters it passes on, else null. */
function factoryOf(st: Node): { made: string; passed: number } | null {
  var body = st.type === "FunctionDeclaration" ? st.body.body : [], r = body.length === 1 && body[0].type === "ReturnStatement" ? body[0].argument : null;
  if (!r || r.type !== "NewExpression" || r.callee.type !== "Identifier") return null;
  var ok = r.arguments.every((a: Node, i: number) => a.type === "Identifier" && i < st.params.length && st.params[i].name === a.name);
  return ok ? { made: r.callee.name, passed: r.arguments.length } : null;
}

/** Rewrites each such function of `ast` and its calls; the number of functions rewritten. */
export function inlineFactories(s: MagicString, ast: Node): number {
  var main = wrapper(ast);
  if (!main) return 0;
  var declared: { [name: string]: number } = Object.create(null), mentions: { [name: string]: { n: Node; parent: Node | null }[] } = Object.create(null), count = 0;
  function declare(id: Node): void {
    declared[id.name] = (declared[id.name] || 0) + 1;
  }
  eachNode(ast, function (n, parent) {
    if (/^Function/.test(n.type)) n.params.concat(n.id ? [n.id] : []).forEach(declare);
    if (n.type === "VariableDeclarator") declare(n.id);
    if (n.type === "CatchClause") declare(n.param);
    if (n.type === "Identifier" && isReference(n, parent) && !(parent && /^Function/.test(parent.type))) (mentions[n.name] || (mentions[n.name] = [])).push({ n: n, parent: parent });
  });
  main.body.body.forEach(function (st: Node) {
    var c = wrappedClass(st);
    if (c) declared[c.name]--; // `var C = (function () { function C() {} ... }())`: one class, which class-unwrap.ts makes `function C() {}`
  });
  main.body.body.forEach(function (st: Node) {
    var f = factoryOf(st), name = st.id && st.id.name, uses: { n: Node; parent: Node | null }[] = (name && mentions[name]) || [];
    if (!f || declared[name] !== 1 || declared[f.made] !== 1) return;
    var calls = uses.every((u) => u.parent && u.parent.type === "CallExpression" && u.parent.callee === u.n && u.parent.arguments.length <= f!.passed);
    if (!calls || !uses.length || uses.length > MAX_CALLS) return;
    s.remove(st.start, st.end);
    uses.forEach((u) => s.overwrite(u.n.start, u.n.end, "new " + f!.made));
    count++;
  });
  return count;
}
