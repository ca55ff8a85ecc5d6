// Shortens the minified, lowered bundle with two ES2015 forms of a function
// that Espruino 2v29, JerryScript (es.next) and QuickJS run as they run the
// ES5 ones (measured: the same instructions a switch on Espruino):
//
// - `k:function(a){...}` in an object literal becomes the method `k(a){...}`:
//   Espruino's parser makes both with jspeFunctionDefinition;
// - a function expression with no `this` in it (nor in a function nested in
//   it) that reads no `arguments` becomes an arrow, `function(a){return x}`
//   -> `a=>x`: Espruino stores no `this` for an arrow without one, and keeps
//   `x` as it keeps a body that starts with `return` (JSV_FUNCTION_RETURN);
// - such a function declared at the top level becomes an arrow at the head
//   of the top-level `var` statement, which runs before any other statement
//   (the lowering puts only function declarations before it; Espruino makes
//   a declared function only when its statement runs, too).
//
// A method or an arrow cannot be called with `new` (Espruino allows it,
// JerryScript and QuickJS do not): a function stays as it is where the
// bundle may construct it (`new x.k` for a method `k`, `new N` or
// `N.prototype` for a variable `N` it is assigned to: a method and a
// variable of one name are two things, as the top-level names are single
// characters too). An arrow replaces only a function that is an
// argument, an assigned or initial value, a property value, an array
// element, a return value, an expression of a sequence (terser's
// `t.k=(h=n,function(){...})`), or a function called where it is made (then
// in parentheses): anywhere else it would need parentheses too. The source is
// ES5: nested functions are all `function`, so none inherits a `this`.
// Interpreters without these forms (Duktape, mujs, Espruino before 2v14 or
// built with SAVE_ON_FLASH) take the `es5` build. Edits remove, replace or
// move text, never copy it: one source map. Host only.

import MagicString from "magic-string";
import { eachNodeBut, isFunction } from "./async-nodes";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";

var ARROW_PLACES: { [type: string]: string[] } = {
  CallExpression: ["arguments"],
  NewExpression: ["arguments"],
  AssignmentExpression: ["right"],
  VariableDeclarator: ["init"],
  Property: ["value"],
  ArrayExpression: ["elements"],
  ReturnStatement: ["argument"],
  SequenceExpression: ["expressions"],
};

/**
 * Does `fn` read `arguments` itself, or is `this` anywhere in its text? Espruino's parser notes any `this` in an
 * arrow's text, a nested function's too, and keeps the caller's `this` with the arrow (a variable); where it parses
 * such an arrow without running it (nested in an arrow's expression body, or in a branch not taken), its debug
 * builds fail an assertion (`() => (() => function () { return this; })`: jsparse.c, jspeArrowFunction). So a
 * function with a `this` in it stays a function.
 */
function needsFunction(fn: Node): boolean {
  var found = false;
  eachNode(fn.body, function (n) {
    if (n.type === "ThisExpression") found = true;
  });
  eachNodeBut(fn.body, isFunction, function (n) {
    if (n.type === "Identifier" && n.name === "arguments") found = true;
  });
  return found;
}

/**
 * Is a function expression given a name by its place (`N=function`, `var N=function`, `k:function`, `x.k=function`) that the bundle
 * constructs? The last of a sequence takes the sequence's place (`N=(a,function(){})`); `outer` gives a sequence's.
 */
function isConstructed(parent: Node, fn: Node, vars: { [name: string]: boolean }, keys: { [name: string]: boolean }, outer: Map<Node, Node | null>): boolean {
  while (parent.type === "SequenceExpression" && parent.expressions[parent.expressions.length - 1] === fn && outer.get(parent)) {
    fn = parent;
    parent = outer.get(parent)!;
  }
  if (parent.type === "AssignmentExpression" && parent.left.type === "Identifier") return !!vars[parent.left.name];
  if (parent.type === "AssignmentExpression" && parent.left.type === "MemberExpression" && !parent.left.computed) return !!keys[parent.left.property.name]; // `x.k=function`, `new y.k`
  if (parent.type === "VariableDeclarator") return !!vars[parent.id.name];
  if (parent.type === "Property" && parent.value === fn) return !!keys[parent.key.type === "Identifier" ? parent.key.name : String(parent.key.value)];
  return false;
}

/** What `fn` returns when its body is that `return` alone, else null. */
function returned(fn: Node): Node | null {
  var b = fn.body.body;
  return b.length === 1 && b[0].type === "ReturnStatement" ? b[0].argument : null;
}

/** Does an arrow's expression body `x` need parentheses: `()=>({a:1})`, `()=>(a,b)`? */
function inParens(x: Node): boolean {
  return x.type === "ObjectExpression" || x.type === "SequenceExpression";
}

/** `fn`'s parameters and the arrow: `t=>`, `(t,i)=>`, `()=>`. */
function arrowHead(fn: Node): string {
  return (fn.params.length === 1 ? fn.params[0].name : "(" + fn.params.map((p: Node) => p.name).join(",") + ")") + "=>";
}

export function shorthand(code: string, file?: string): { code: string; map: ReturnType<MagicString["generateMap"]> } {
  var ast = parse(code), s = new MagicString(code), bare: { [at: number]: boolean } = {};
  // What the bundle may construct: variables (`new N`, `N.prototype`) and properties (`new x.k`), apart
  var constructed: { [name: string]: boolean } = Object.create(null), constructedKeys: { [name: string]: boolean } = Object.create(null);
  eachNode(ast, function (n) {
    var c = n.type === "NewExpression" ? n.callee : n.type === "MemberExpression" && !n.computed && n.property.name === "prototype" ? n.object : null;
    if (c && c.type === "Identifier") constructed[c.name] = true;
    else if (c && c.type === "MemberExpression" && !c.computed) constructedKeys[c.property.name] = true;
  });

  /** Writes `fn` (its text from `from`) as `<before>(params)=>` and its body, `x` for a body that is `return x` alone, then `after`. */
  function toArrow(fn: Node, from: number, before: string, after: string): void {
    var ret = returned(fn), wrap = ret && inParens(ret);
    if (!ret) {
      s.overwrite(from, fn.body.start, before + arrowHead(fn));
      if (after) s.appendLeft(fn.end, after);
      return;
    }
    s.overwrite(from, ret.start, before + arrowHead(fn) + (wrap ? "(" : ""));
    bare[ret.start] = true; // its `return ` is gone already
    if (wrap || after) s.overwrite(ret.end, fn.end, (wrap ? ")" : "") + after);
    else s.remove(ret.end, fn.end);
  }

  // Top-level declarations join the `var` statement first: `function f(t){return x}` -> `var f=t=>x,...`.
  var decl = ast.body.filter((n: Node) => n.type === "VariableDeclaration")[0];
  ast.body.forEach(function (fn: Node) {
    if (!decl || fn.type !== "FunctionDeclaration" || constructed[fn.id.name] || needsFunction(fn)) return;
    toArrow(fn, fn.start, fn.id.name + "=", ",");
    s.move(fn.start, fn.end, decl.declarations[0].start);
  });

  var outer = new Map<Node, Node | null>(); // each sequence's parent (a sequence is met before what it holds)
  eachNode(ast, function (fn, parent) {
    if (fn.type === "SequenceExpression") outer.set(fn, parent);
    if (fn.type !== "FunctionExpression" || fn.id || !parent || isConstructed(parent, fn, constructed, constructedKeys, outer)) return;
    if (parent.type === "Property" && parent.kind !== "init") return; // a getter or a setter
    var called = parent.type === "CallExpression" && parent.callee === fn, paren = called && code.charAt(fn.end) !== ")"; // `function(){}()` -> `(()=>{})()`
    var arrow = !needsFunction(fn) && (called || (ARROW_PLACES.hasOwnProperty(parent.type) && ARROW_PLACES[parent.type].some((k) => parent[k] === fn || (Array.isArray(parent[k]) && parent[k].indexOf(fn) >= 0))));
    var method = parent.type === "Property" && parent.value === fn, ret = returned(fn), from = fn.start;
    // `k:a=>x` against `k(a){return x}`; `k(a){...}` is never longer than `k:a=>{...}`
    var shorter = ret && 1 + arrowHead(fn).length + (inParens(ret) ? 2 : 0) + ret.end - ret.start < fn.body.start - code.indexOf("(", fn.start) + fn.body.end - fn.body.start;
    if (arrow && (!method || shorter)) {
      if ((paren || arrowHead(fn).charAt(0) === "(") && code.charAt(from - 1) === " " && !bare[from]) from--; // `return function(` -> `return(`
      toArrow(fn, from, paren ? "(" : "", paren ? ")" : "");
    } else if (method) s.remove(parent.key.end, code.indexOf("(", fn.start)); // `k:function(` -> `k(`
  });
  return { code: s.toString(), map: s.generateMap({ hires: "boundary", source: file, includeContent: true }) };
}
