// A size and memory rewrite of the device bundle, before terser: TypeScript
// writes an ES5 class as a function called once,
//   var Task = /** @class */ (function () { function Task(co) {...} Task.prototype.run = ...; return Task; }());
// and on Espruino that wrapper costs its text in RAM and a scope object that
// lives as long as the class (its methods close over it), and it puts one
// more scope between each method and the module's names. Unwrapped, the
// class is the statements it was made of:
//   function Task(co) {...} Task.prototype.run = ...;
// Only a wrapper that declares nothing but the class's own function, takes
// no arguments (a subclass's takes its base: left alone), uses neither
// `this` nor `arguments`, and returns that function, which has the name the
// result is given. Text is only removed, so the source map stays exact.
// Host only.

import MagicString from "magic-string";
import { eachNode } from "./lower";
import { children } from "./proto-alias";
import type { Node } from "./lower";

/** The class's name if `st` is `var X = (function () { function X() {} ...; return X; }())` or `X = (...)`, else "". */
export function wrappedClass(st: Node): { name: string; body: Node[] } | null {
  var name: Node | undefined, init: Node | undefined;
  if (st.type === "VariableDeclaration" && st.declarations.length === 1) {
    name = st.declarations[0].id;
    init = st.declarations[0].init;
  } else if (st.type === "ExpressionStatement" && st.expression.type === "AssignmentExpression" && st.expression.operator === "=") {
    name = st.expression.left;
    init = st.expression.right;
  }
  if (!name || name.type !== "Identifier" || !init || init.type !== "CallExpression" || init.arguments.length) return null;
  var fn = init.callee;
  if (fn.type !== "FunctionExpression" || fn.params.length || fn.id) return null;
  var body: Node[] = fn.body.body, last = body[body.length - 1], first = body[0];
  if (!first || first.type !== "FunctionDeclaration" || first.id.name !== name.name) return null;
  if (!last || last.type !== "ReturnStatement" || !last.argument || last.argument.type !== "Identifier" || last.argument.name !== name.name) return null;
  var ok = true;
  body.forEach(function (b, i) {
    if (i > 0 && (b.type === "FunctionDeclaration" || b.type === "VariableDeclaration")) ok = false;
    // `this` or `arguments` at the wrapper's own level (not inside a method) would change meaning.
    if (i > 0) eachOwn(b, function (n) {
      if (n.type === "ThisExpression" || (n.type === "Identifier" && n.name === "arguments")) ok = false;
    });
  });
  return ok ? { name: name.name, body: body } : null;
}

/** Visits what `n` contains at its own level, with each node's parent: a nested function, not what is inside it. */
export function eachOwn(n: Node, fn: (n: Node, parent: Node) => void): void {
  children(n, function (c) {
    fn(c, n);
    if (c.type !== "FunctionExpression" && c.type !== "FunctionDeclaration") eachOwn(c, fn);
  });
}

/** Unwraps every class wrapper in a statement list of `ast`; the number unwrapped. */
export function unwrapClasses(s: MagicString, ast: Node): number {
  var count = 0;
  eachNode(ast, function (n) {
    var list: Node[] | undefined = n.type === "Program" ? n.body : n.type === "BlockStatement" ? n.body : undefined;
    if (!list) return;
    list.forEach(function (st) {
      var c = wrappedClass(st);
      if (!c) return;
      s.remove(st.start, c.body[0].start);
      s.remove(c.body[c.body.length - 1].start, st.end);
      count++;
    });
  });
  return count;
}
