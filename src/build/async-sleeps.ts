// Rewrite 7 of async-lowering.ts (which says what it does): `await sleepMs(x)`
// of ristretto's own is the instruction `[8, x]`, a sleep without a call.
// Host only.

import MagicString from "magic-string";
import { awaitsIn, isFunction } from "./async-nodes";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/**
 * The local names of ristretto's sleepMs and sleep in this module (by their
 * local name: the factor to milliseconds): imported from a source
 * `fromRistretto` accepts, and not declared again anywhere in the module.
 */
export function sleepNames(ast: Node, fromRistretto: (source: string) => boolean): { [local: string]: number } {
  var names: { [local: string]: number } = Object.create(null);
  eachNode(ast, function (n) {
    if (n.type === "ImportDeclaration" && fromRistretto(n.source.value)) {
      n.specifiers.forEach(function (sp: Node) {
        var factor = !sp.imported ? 0 : sp.imported.name === "sleepMs" ? 1 : sp.imported.name === "sleep" ? 1000 : 0;
        if (factor) names[sp.local.name] = factor;
      });
    }
  });
  eachNode(ast, function (n) {
    var ids = n.type === "VariableDeclarator" || n.type === "FunctionDeclaration" || n.type === "FunctionExpression" ? [n.id] : [];
    if (isFunction(n)) ids = ids.concat(n.params);
    if (n.type === "CatchClause") ids.push(n.param);
    ids.forEach(function (id: Node | null) {
      if (id && id.type === "Identifier") delete names[id.name];
    });
  });
  return names;
}

/** Rewrite 7 on one state machine body: `[4, sleepMs(x)]` becomes `[8, x]`, `[4, sleep(s)]` `[8, (s) * 1000]`. */
export function sleeps(s: MagicString, body: Node, names: { [local: string]: number }): void {
  awaitsIn(body.body).forEach(function (x) {
    var c = x.elements[1], factor = c && c.type === "CallExpression" && c.callee.type === "Identifier" && c.arguments.length === 1 && names[c.callee.name], a = factor && c.arguments[0];
    if (!a) return;
    s.overwrite(x.elements[0].start, x.elements[0].end, "8");
    if (factor === 1) {
      s.remove(c.start, a.start);
      s.remove(a.end, c.end);
    } else if (a.type === "Literal" && typeof a.value === "number") s.overwrite(c.start, c.end, String(a.value * factor));
    else {
      s.overwrite(c.start, a.start, "(");
      s.overwrite(a.end, c.end, ") * " + factor);
    }
  });
}
