// Rewrite 8 of async-lowering.ts: a call with an await among its arguments,
// as TypeScript's state machines make it. `console.log("got", await x)`
// evaluates the callee and "got" before the await, so TypeScript keeps both:
//   _b = (_a = console).log; _c = ["got"]; return [4, x];
//   case 1: _b.apply(_a, _c.concat([_k.sent()]));
// The arguments before the await that are literals need no keeping, and the
// call needs no array: it becomes
//   _b = (_a = console).log; return [4, x];
//   case 1: _b.call(_a, "got", _k.sent());
// and `_f.apply(void 0, [v])`, a plain function's, `_f(v)` (in sloppy code
// both give the function the global `this`). A kept argument that is not a
// literal (`f(i, await x)` keeps `i` as it was before the await) stays as
// TypeScript wrote it. 15-30 B a call, and two arrays fewer each time it runs.
// Host only.

import MagicString from "magic-string";
import { eachNodeBut, isFunction, isMember } from "./async-nodes";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

/** `X.apply(T, A)` with X a name: [X, T, A]; else null. */
function applyCall(n: Node): Node[] | null {
  var c = n.type === "CallExpression" && n.arguments.length === 2 ? n.callee : null;
  if (!c || c.type !== "MemberExpression" || c.computed || c.property.name !== "apply" || c.object.type !== "Identifier") return null;
  return [c.object, n.arguments[0], n.arguments[1]];
}

/** Rewrite 8 on one state machine `body` (whose state is `state`, `_k`), made in function `outer`, whose names it counts. */
export function spreadCalls(s: MagicString, code: string, body: Node, outer: Node, state: string): void {
  var uses: { [name: string]: number } = Object.create(null), statements: Node[] = [];
  eachNode(outer, function (x, parent) {
    var declared = parent && parent.type === "VariableDeclarator" && parent.id === x;
    if (x.type === "Identifier" && isReference(x, parent) && !declared) uses[x.name] = (uses[x.name] || 0) + 1;
  });
  eachNodeBut(body.body, isFunction, function (x) {
    if (x.type === "SwitchCase") statements = statements.concat(x.consequent);
  });
  /** True if `name` is a parameter of `outer` that nothing in it writes or declares again (nor `arguments`). */
  function steady(name: string): boolean {
    var ok = outer.params.some((p: Node) => p.type === "Identifier" && p.name === name) && !uses.arguments;
    eachNode(outer, function (x) {
      var id = x.type === "AssignmentExpression" || x.type === "ForInStatement" ? x.left : x.type === "UpdateExpression" ? x.argument : x.type === "VariableDeclarator" ? x.id : null;
      if (id && id.type === "Identifier" && id.name === name) ok = false;
      if (x.type === "CatchClause" ? x.param.name === name : isFunction(x) && x !== outer && ((x.id && x.id.name === name) || x.params.some((p: Node) => p.name === name))) ok = false;
    });
    return ok;
  }
  /** The statement `name = <right>` of the body, where `ok(right)`, if the body has one. */
  function assigned(name: string, ok: (right: Node) => boolean): Node | undefined {
    return statements.filter(function (st) {
      var e = st.type === "ExpressionStatement" ? st.expression : null;
      return e && e.type === "AssignmentExpression" && e.operator === "=" && e.left.type === "Identifier" && e.left.name === name && ok(e.right);
    })[0];
  }
  eachNodeBut(body.body, isFunction, function (x) {
    var call = applyCall(x), args: Node, kept: Node | undefined;
    // TypeScript's: the callee kept in a name of its own (`_b = (_a = console).log;`, `_d = show;`), the array holding what an await gave
    if (!call || uses[call[0].name] !== 2 || !assigned(call[0].name, (r) => r.type === "Identifier" || r.type === "MemberExpression")) return;
    args = call[2];
    if (args.type === "CallExpression" && args.arguments.length === 1 && args.arguments[0].type === "ArrayExpression") {
      // `C.concat([...])`: C assigned literals once, and read here only
      var c = args.callee;
      if (c.type !== "MemberExpression" || c.computed || c.property.name !== "concat" || c.object.type !== "Identifier" || uses[c.object.name] !== 2) return;
      kept = assigned(c.object.name, (r) => r.type === "ArrayExpression" && r.elements.every((e: Node | null) => e && e.type === "Literal"));
      if (!kept) return;
      args = args.arguments[0];
    } else if (args.type !== "ArrayExpression") return;
    if (args.elements.some((e: Node | null) => !e || e.type === "SpreadElement") || !args.elements.some((e: Node) => isSent(e, state))) return;
    var plain = call[1].type === "UnaryExpression" && call[1].operator === "void", parts = kept ? kept.expression.right.elements.map((e: Node) => code.slice(e.start, e.end)) : [];
    var callee = assigned(call[0].name, (r) => r.type === "Identifier")!;
    if (!plain) parts.unshift(code.slice(call[1].start, call[1].end));
    if (kept) s.remove(kept.start, kept.end);
    if (plain && callee && steady(callee.expression.right.name)) {
      // `print(await x)` where print is a parameter nothing writes: it is the same function after the await
      s.remove(callee.start, callee.end);
      s.overwrite(call[0].start, call[0].end, callee.expression.right.name);
    }
    // `.apply(T, C.concat([` (or `.apply(T, [`) up to the first argument, and the array's end up to the call's
    s.overwrite(call[0].end, args.start + 1, (plain ? "(" : ".call(") + parts.join(", ") + (parts.length && args.elements.length ? ", " : ""));
    s.overwrite(args.end - 1, x.end, ")");
  });
}

/** `_k.sent()`: what an await gave. */
function isSent(e: Node, state: string): boolean {
  return e.type === "CallExpression" && !e.arguments.length && isMember(e.callee, state, "sent");
}
