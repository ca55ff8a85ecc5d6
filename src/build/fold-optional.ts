// optional("LED3") from "ristretto/board": the pin where the board has it,
// undefined where it does not, so one source serves boards with more or fewer
// pins (`optional("LED3") ?? LED1`). The device build folds each call to that
// constant for the board it builds for, so the bundle carries no table of
// names and no lookup. Works on the JavaScript TypeScript emits (ES modules),
// as board-check.ts does. Host only.

import acorn = require("acorn");
import MagicString from "magic-string";
import type { BoardProfile } from "./board-profile";
import { boardNames, boardTitle, noBoardHas } from "./boards";
import { eachNode } from "./lower";
import type { Node } from "./lower";
import type { BoardFinding } from "./board-check";

/**
 * Replaces each optional("NAME") call of the module with the board's value
 * for NAME, or `void 0`. `known` is every pin name of every board: a name
 * outside it is a finding (a typo would otherwise be undefined everywhere), and
 * so is a name that is not a string literal. `code` null: nothing to fold.
 */
export function foldOptional(code: string, p: BoardProfile, known: string[]): { code: MagicString | null; findings: BoardFinding[] } {
  if (code.indexOf("optional") < 0) return { code: null, findings: [] };
  var ast = acorn.parse(code, { ecmaVersion: 2020, sourceType: "module", locations: true }) as Node;
  var locals: { [name: string]: boolean } = {}, spaces: { [name: string]: boolean } = {}, any = false;
  ast.body.forEach(function (d: Node) {
    if (d.type !== "ImportDeclaration" || d.source.value !== "ristretto/board") return;
    d.specifiers.forEach(function (s: Node) {
      if (s.type === "ImportNamespaceSpecifier") spaces[s.local.name] = any = true;
      else if (s.type === "ImportSpecifier" && s.imported.name === "optional") locals[s.local.name] = any = true;
    });
  });
  if (!any) return { code: null, findings: [] };
  var values: { [name: string]: string | number } = {}, findings: BoardFinding[] = [], out = new MagicString(code), folded = false;
  boardNames(p).forEach(function (n) {
    values[n.name] = n.value;
  });
  function isOptional(callee: Node): boolean {
    if (callee.type === "Identifier") return locals.hasOwnProperty(callee.name);
    return callee.type === "MemberExpression" && !callee.computed && callee.object.type === "Identifier" && spaces.hasOwnProperty(callee.object.name) && callee.property.name === "optional";
  }
  eachNode(ast, function (n) {
    if (n.type !== "CallExpression" || !isOptional(n.callee)) return;
    var arg = n.arguments[0], where = { line: n.loc!.start.line, column: n.loc!.start.column };
    if (n.arguments.length !== 1 || arg.type !== "Literal" || typeof arg.value !== "string") {
      findings.push({ message: 'optional() takes one pin name in quotes, such as optional("LED3"), so that the build can fold it for ' + boardTitle(p), line: where.line, column: where.column });
      return;
    }
    if (known.indexOf(arg.value) < 0) {
      findings.push({ message: noBoardHas(arg.value), line: where.line, column: where.column });
      return;
    }
    out.overwrite(n.start, n.end, values.hasOwnProperty(arg.value) ? JSON.stringify(values[arg.value]) : "void 0");
    folded = true;
  });
  return { code: folded ? out : null, findings: findings };
}
