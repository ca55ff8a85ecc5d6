// Which clearTimeout(h) and clearInterval(h) calls of a bundle need no guard
// against an undefined handle (lower.ts guards the others: on Espruino a
// clear without a handle clears every timer). A call needs none where an
// `if` has just tested its handle: the call is in the block the `if` runs
// when its test ends in `h !== void 0` (the last of a comma list, or one of
// the `&&`s), not inside a loop or a function there, and nothing between the
// test and the call calls a function or writes h. The loop's _arm() clears
// its timer only when it has one. Host only (build time).

import { eachNodeBut } from "./async-nodes";
import type { Node } from "./lower";

/** The clear calls whose handle the enclosing `if` has tested. */
export function provedDefined(ast: Node, code: string): Set<Node> {
  var proved = new Set<Node>();
  eachNodeBut(ast, never, function (n) {
    if (n.type !== "IfStatement") return;
    tested(n.test).forEach(function (t) {
      var h = code.slice(t.handle.start, t.handle.end);
      clearsIn(n.consequent, h, code).forEach(function (c) {
        if (!changedBetween(n, t.end, c.start, h, code)) proved.add(c);
      });
    });
  });
  return proved;
}

/** The handles a test proves defined when it is true, each with where its comparison ends. */
function tested(test: Node): { handle: Node; end: number }[] {
  if (test.type === "SequenceExpression") return tested(test.expressions[test.expressions.length - 1]);
  if (test.type === "LogicalExpression" && test.operator === "&&") return tested(test.left).concat(tested(test.right));
  if (test.type !== "BinaryExpression" || test.operator !== "!==") return [];
  var h = isVoid(test.left) ? test.right : isVoid(test.right) ? test.left : null;
  return h && isHandle(h) ? [{ handle: h, end: test.end }] : [];
}

function isVoid(n: Node): boolean {
  return (n.type === "UnaryExpression" && n.operator === "void" && n.argument.type === "Literal") || (n.type === "Identifier" && n.name === "undefined");
}

/** A plain name or a member read by name (`h`, `this.o`): what lower.ts guards. */
function isHandle(n: Node): boolean {
  return n.type === "Identifier" || (n.type === "MemberExpression" && !n.computed && (n.object.type === "ThisExpression" || isHandle(n.object)));
}

function never(): boolean {
  return false;
}

function loopOrFunction(n: Node): boolean {
  return /^(For|ForIn|While|DoWhile)Statement$|Function/.test(n.type);
}

/** The clear calls of handle `h` in `block`, but those inside a loop or a function there. */
function clearsIn(block: Node, h: string, code: string): Node[] {
  var found: Node[] = [];
  if (loopOrFunction(block)) return found;
  eachNodeBut(block, loopOrFunction, function (n) {
    if (n.type === "CallExpression" && n.callee.type === "Identifier" && /^clear(Timeout|Interval)$/.test(n.callee.name) && n.arguments.length === 1) {
      if (code.slice(n.arguments[0].start, n.arguments[0].end) === h) found.push(n);
    }
  });
  return found;
}

/** Whether anything of `n` from `from` to `to` calls a function, or writes `h` or what it is read from. */
function changedBetween(n: Node, from: number, to: number, h: string, code: string): boolean {
  var changed = false;
  eachNodeBut(n, function (x) {
    return x.end <= from || x.start >= to; // wholly before or after: nothing of it runs between
  }, function (x) {
    if (x.start < from) return; // an ancestor: look inside
    if (x.type === "CallExpression" || x.type === "NewExpression" || (x.type === "UnaryExpression" && x.operator === "delete")) changed = true;
    var target = x.type === "AssignmentExpression" ? x.left : x.type === "UpdateExpression" ? x.argument : null;
    if (target && h.indexOf(code.slice(target.start, target.end)) === 0) changed = true;
  });
  return changed;
}
