// What the async lowering's rewrites (async-lowering.ts, async-jumps.ts) look
// for in TypeScript's state machines: the instructions, and the nodes that
// hold them. Host only (build time).

import type { Node } from "./lower";

export var OP_RETURN = 2;
export var OP_JUMP = 3;
export var OP_AWAIT = 4;
export var OP_END_FINALLY = 7;

export function isLoop(n: Node): boolean {
  return /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(n.type);
}

export function isFunction(n: Node): boolean {
  return n.type === "FunctionExpression" || n.type === "FunctionDeclaration" || n.type === "ArrowFunctionExpression";
}

/** The op of an instruction literal `[op, ...]`, else -1. */
export function opOf(x: Node | null | undefined): number {
  var e = x && x.type === "ArrayExpression" ? x.elements : [];
  return e.length && e[0] && e[0].type === "Literal" && typeof e[0].value === "number" ? e[0].value : -1;
}

/** Calls `fn` on `n` and every node in it, with its parent, except inside the nodes `skip` says to leave out. */
export function eachNodeBut(n: Node, skip: (x: Node) => boolean, fn: (x: Node, parent: Node | null) => void): void {
  (function visit(x: Node, parent: Node | null) {
    fn(x, parent);
    Object.keys(x).forEach(function (k) {
      var v = x[k];
      if (!v || typeof v !== "object" || k === "loc") return;
      (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
        if (c && typeof c.type === "string" && !skip(c)) visit(c, x);
      });
    });
  })(n, null);
}

/** The `[4, x]` instructions in `n`, outside the functions in it (each has its own state machine). */
export function awaitsIn(n: Node): Node[] {
  var found: Node[] = [];
  eachNodeBut(n, isFunction, function (x) {
    if (opOf(x) === OP_AWAIT) found.push(x);
  });
  return found;
}

export function isMember(x: Node, object: string, property: string): boolean {
  return x.type === "MemberExpression" && !x.computed && x.object.type === "Identifier" && x.object.name === object && x.property.name === property;
}

/** Every identifier in `n`, outside the subtree `except`. */
export function identifiers(n: Node, except: Node): { [name: string]: boolean } {
  var seen: { [name: string]: boolean } = {};
  eachNodeBut(
    n,
    function (x) {
      return x === except;
    },
    function (x) {
      if (x.type === "Identifier") seen[x.name] = true;
    },
  );
  return seen;
}

/**
 * A device bundle's state machine, `function (_a, ...) { switch (_a._label) { ... } }`
 * or with the jumps' `for (;;)` around the switch, whose state is used only to read
 * and write its label: no try regions (`_a._try(...)`), whose route() reads the
 * label too, unless `regions` is given: then it also enters regions, whose labels
 * ([try, catch, finally, end], numbers) it gets. Its switch, the state's name and
 * the label's; else null.
 */
export function labelSwitch(fn: Node, regions?: number[][]): { sw: Node; a: string; p: string } | null {
  if (!isFunction(fn) || !fn.params.length || fn.body.type !== "BlockStatement" || fn.body.body.length !== 1) return null;
  var st = fn.body.body[0], sw = st.type === "ForStatement" && !st.init && !st.test && !st.update ? st.body : st;
  var a = fn.params[0].name, d = sw.type === "SwitchStatement" ? sw.discriminant : null, p: string, only = true, entries: Node[] = [];
  if (!d || d.type !== "MemberExpression" || !isMember(d, a, (p = d.property.name))) return null;
  eachNodeBut(fn.body, ownState(a), function (x, parent) {
    // `_a._try([1, 3, 0, 4])`, `_a._trys = [[1, 3, 0, 4]]`: a region entered (async-lowering.ts, rewrite 3)
    var r = !regions ? null : x.type === "CallExpression" && isMember(x.callee, a, "_try") ? x.arguments[0] : x.type === "AssignmentExpression" && isMember(x.left, a, "_trys") && x.right.type === "ArrayExpression" ? x.right.elements[0] : null;
    if (r) {
      entries.push(x.callee || x.left);
      if (r.type === "ArrayExpression" && r.elements.every((e: Node | null) => e && e.type === "Literal" && typeof e.value === "number")) regions!.push(r.elements.map((e: Node) => e.value));
      else only = false;
    }
    if (x.type === "Identifier" && x.name === a && !(parent && parent.object === x && (isMember(parent, a, p) || entries.indexOf(parent) >= 0))) only = false;
  });
  return only ? { sw: sw, a: a, p: p } : null;
}

/** Skips the functions with a parameter named `a` of their own: a state machine nested in another (TypeScript names each state `_a`). */
export function ownState(a: string): (x: Node) => boolean {
  return function (x) {
    return isFunction(x) && x.params.some(function (q: Node) {
      return q.type === "Identifier" && q.name === a;
    });
  };
}
