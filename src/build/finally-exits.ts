// What leaves a finally block early: a return or a throw, or a break or
// continue to a loop or switch outside it. Espruino 2v29 runs a finally
// block and then puts back the state it had before it (jsparse.c,
// jspeStatementTry), so each of these is lost there and what follows the try
// statement runs; an exception raised in it by a call is lost too, which no
// reading of the text can see. Measured on the Linux build:
// `function f() { try {} finally { return 1; } return 2; }` gives 2; only a
// return in the finally block of a try block that returned itself takes
// effect. The dialect check refuses these (check.ts). Host only.

import { isFunction, isLoop } from "./async-nodes";
import type { Node } from "./lower";

/** The first statement in `block` (a finally block) that would leave it, or null. */
export function finallyExit(block: Node): Node | null {
  var found: Node | null = null;
  // inLoop/inSwitch: a break or continue there stays in the block; caught: a throw there is caught in it.
  (function visit(x: Node, inLoop: boolean, inSwitch: boolean, caught: boolean) {
    if (found || !x || typeof x.type !== "string" || isFunction(x)) return;
    if (x.type === "ReturnStatement" || (x.type === "ThrowStatement" && !caught)) found = x;
    else if (x.type === "BreakStatement" && (x.label || !(inLoop || inSwitch))) found = x;
    else if (x.type === "ContinueStatement" && (x.label || !inLoop)) found = x;
    if (found) return;
    Object.keys(x).forEach(function (k) {
      var v = x[k];
      if (!v || typeof v !== "object" || k === "loc") return;
      (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
        visit(c, inLoop || isLoop(x), inSwitch || x.type === "SwitchStatement", caught || (x.type === "TryStatement" && k === "block" && !!x.handler));
      });
    });
  })(block, false, false, false);
  return found;
}
