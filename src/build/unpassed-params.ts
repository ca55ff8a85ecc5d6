// A size rewrite of the device bundle, before terser: a parameter that no
// call passes is a variable of its function, so that terser folds what the
// function does with it. The talk's counters take `boom = 42` and no call
// passes it (`if (boom === void 0) { boom = 42; }` becomes 42 where it is
// read); no code gives CancelledError a message (its default becomes the
// message). Terser leaves such a parameter where the function is read but to
// be called: a class's `prototype`, `instanceof`.
//
// Only for a function declaration whose every reference is a call or a `new`,
// its `prototype` read, or the right of `instanceof`; the
// parameters from the first that no call reaches become its variables.
// Host only.

import MagicString from "magic-string";
import { eachNode, parse } from "./lower";
import type { Node } from "./lower";
import { eachName, topScope } from "./scopes";

export function localizeUnpassed(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), parents = new Map<Node, Node | null>(), refs = new Map<Node, { [name: string]: Node[] }>();
  eachNode(ast, (n, p) => parents.set(n, p));
  eachName(ast, topScope(ast), function (id, scope) {
    if (!scope || !scope.node) return;
    var names = refs.get(scope.node) || (refs.set(scope.node, Object.create(null)), refs.get(scope.node)!);
    (names[id.name] || (names[id.name] = [])).push(id);
  });
  var out = new MagicString(code);
  eachNode(ast, function (fn, parent) {
    if (fn.type !== "FunctionDeclaration" || !parent || fn.params.some((p: Node) => p.type !== "Identifier")) return;
    var scope = parent.type === "Program" ? ast : parents.get(parent)!, passed = 0, uses = (refs.get(scope) || {})[fn.id.name] || [];
    if (uses.length < 2) return; // called (a declaration in a block, whose name is its function's, finds none here and stays)
    for (var i = 0, n; i < uses.length; i++) {
      if (uses[i] !== fn.id && (n = reach(uses[i], parents.get(uses[i])!)) < 0) return;
      passed = Math.max(passed, n || 0);
    }
    if (fn.params.length <= passed) return;
    var from = passed ? fn.params[passed - 1].end : fn.params[0].start, plain: string[] = [];
    out.remove(from, fn.params[fn.params.length - 1].end);
    fn.params.slice(passed).forEach(function (p: Node) {
      // TypeScript's default, `if (p === void 0) { p = x; }` in the body's own list, is the variable's value: it is undefined there
      var st = fn.body.body.filter((st: Node) => defaultOf(st, p.name))[0];
      if (st) out.overwrite(st.start, st.end, "var " + p.name + " = " + code.slice(defaultOf(st, p.name)!.start, defaultOf(st, p.name)!.end) + ";");
      else plain.push(p.name);
    });
    if (plain.length) out.appendLeft(fn.body.start + 1, "var " + plain.join(", ") + ";");
  });
  return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: "boundary" }) } : null;
}

/** x, if `st` is `if (name === void 0) { name = x; }`, else null. */
function defaultOf(st: Node, name: string): Node | null {
  var t = st.type === "IfStatement" && !st.alternate ? st.test : null, c = t && st.consequent;
  var body = c && c.type === "BlockStatement" ? (c.body.length === 1 ? c.body[0] : null) : c, e = body && body.type === "ExpressionStatement" ? body.expression : null;
  if (!t || t.type !== "BinaryExpression" || t.operator !== "===" || t.left.type !== "Identifier" || t.left.name !== name) return null;
  if (t.right.type !== "UnaryExpression" || t.right.operator !== "void" || !e || e.type !== "AssignmentExpression" || e.operator !== "=") return null;
  return e.left.type === "Identifier" && e.left.name === name ? e.right : null;
}

/** How many arguments the reference `r` passes (a call or a `new`; 0 for `prototype` or `instanceof`), or -1 where it is read otherwise. */
function reach(r: Node, p: Node): number {
  if ((p.type === "CallExpression" || p.type === "NewExpression") && p.callee === r) {
    return p.arguments.length; // ES5: no spread
  }
  if (p.type === "MemberExpression" && p.object === r && !p.computed && p.property.name === "prototype") return 0;
  return p.type === "BinaryExpression" && p.operator === "instanceof" && p.right === r ? 0 : -1;
}
