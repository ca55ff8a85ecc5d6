// A size and speed rewrite of the device bundle, before terser: TypeScript
// writes a rest parameter, for ES5, as a loop that copies `arguments`,
//   var parts = [];
//   for (var _i = 1; _i < arguments.length; _i++) { parts[_i - 1] = arguments[_i]; }
// which Espruino runs element by element and keeps as text in every call's
// function. One native call does the same:
//   var parts = [].slice.call(arguments, 1);
// (an array of the arguments from the first, empty when there are fewer:
// every ES5 engine, Espruino 2v29 and JerryScript 3.0 alike). A copy read
// once, in the statement after it, is that slice where it is read, as the
// talk's `print(...parts)` reads it (terser keeps a call before a global's
// read). Only that exact
// pair of statements, as TypeScript writes it: the loop's counter is its
// own, so it goes with the loop. Host only.

import MagicString from "magic-string";
import { isFunction, isLoop } from "./async-nodes";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

function isName(n: Node | null | undefined, name: string): boolean {
  return !!n && n.type === "Identifier" && n.name === name;
}

/** `arguments.length` */
function isArgumentsLength(n: Node): boolean {
  return n.type === "MemberExpression" && !n.computed && isName(n.object, "arguments") && isName(n.property, "length");
}

/** `X = []` alone in a `var`: X's name, else "". */
function emptyArrayVar(st: Node): string {
  if (st.type !== "VariableDeclaration" || st.declarations.length !== 1) return "";
  var d = st.declarations[0];
  return d.init && d.init.type === "ArrayExpression" && !d.init.elements.length ? d.id.name : "";
}

/** The first argument copied if `st` is `for (var i = K; i < arguments.length; i++) { x[i - K] = arguments[i]; }` (x[i] when K is 0), else -1. */
function copiedFrom(st: Node, x: string): number {
  if (st.type !== "ForStatement" || !st.init || st.init.type !== "VariableDeclaration" || st.init.declarations.length !== 1) return -1;
  var d = st.init.declarations[0], i = d.id.name, k = d.init;
  if (!k || k.type !== "Literal" || typeof k.value !== "number") return -1;
  var t = st.test, u = st.update, body = st.body.type === "BlockStatement" && st.body.body.length === 1 ? st.body.body[0] : st.body;
  if (!t || t.type !== "BinaryExpression" || t.operator !== "<" || !isName(t.left, i) || !isArgumentsLength(t.right)) return -1;
  if (!u || u.type !== "UpdateExpression" || u.operator !== "++" || !isName(u.argument, i)) return -1;
  if (body.type !== "ExpressionStatement" || body.expression.type !== "AssignmentExpression" || body.expression.operator !== "=") return -1;
  var to = body.expression.left, from = body.expression.right, at = to.property;
  if (to.type !== "MemberExpression" || !to.computed || !isName(to.object, x)) return -1;
  if (from.type !== "MemberExpression" || !from.computed || !isName(from.object, "arguments") || !isName(from.property, i)) return -1;
  var index = k.value === 0 ? isName(at, i) : at.type === "BinaryExpression" && at.operator === "-" && isName(at.left, i) && at.right.type === "Literal" && at.right.value === k.value;
  return index ? k.value : -1;
}

/** Rewrites every such copy in `ast` (the text of `s`); whether any was. */
export function sliceRestArgs(s: MagicString, ast: Node): boolean {
  var changed = false;
  eachNode(ast, function (n, fn) {
    if (n.type !== "BlockStatement") return;
    for (var j = 0; j + 1 < n.body.length; j++) {
      var x = emptyArrayVar(n.body[j]), k = x ? copiedFrom(n.body[j + 1], x) : -1, slice = "[].slice.call(arguments" + (k ? ", " + k : "") + ")";
      if (k < 0) continue;
      var read = fn && isFunction(fn) ? readOnceNext(n, j, x) : null;
      if (read) {
        // read once, in the next statement: the slice goes there (`console.log(parts.map(String).join(" "))`)
        s.remove(n.body[j].start, n.body[j].end);
        s.overwrite(read.start, read.end, slice);
      } else s.overwrite(n.body[j].declarations[0].init.start, n.body[j].declarations[0].init.end, slice);
      s.remove(n.body[j + 1].start, n.body[j + 1].end);
      changed = true;
    }
  });
  return changed;
}

/**
 * The one read of the copy `x` in the function whose body is `body`, where it is in the statement after the loop
 * (j + 2), outside the functions and loops in it, and the function reads `arguments` but in the loop nowhere (so
 * that nothing changes them before the read); else null.
 */
function readOnceNext(body: Node, j: number, x: string): Node | null {
  var loop = body.body[j + 1], next = body.body[j + 2], found: Node[] = [], ok = !!next;
  eachNode(body, function (n, parent) {
    if (n.type !== "Identifier" || !isReference(n, parent) || (n.start >= loop.start && n.end <= loop.end)) return;
    if (n.name === "arguments") ok = false;
    if (n.name === x && !(parent!.type === "VariableDeclarator" && parent!.id === n)) found.push(n);
  });
  if (!ok || found.length !== 1 || found[0].start < next.start || found[0].end > next.end) return null;
  eachNode(next, function (n) {
    if ((isFunction(n) || isLoop(n)) && n.start <= found[0].start && found[0].end <= n.end) ok = false;
  });
  return ok ? found[0] : null;
}
