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

/** Calls `fn` on `n` and every node in it, except inside the nodes `skip` says to leave out. */
export function eachNodeBut(n: Node, skip: (x: Node) => boolean, fn: (x: Node) => void): void {
  (function visit(x: Node) {
    fn(x);
    Object.keys(x).forEach(function (k) {
      var v = x[k];
      if (!v || typeof v !== "object" || k === "loc") return;
      (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
        if (c && typeof c.type === "string" && !skip(c)) visit(c);
      });
    });
  })(n);
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
