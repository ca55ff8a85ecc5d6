// The two fields of TypeScript's coroutine protocol, `label` and `trys`,
// under names terser may shorten, in the device build. TypeScript's state
// machines read and write `_a.label` at every step and await, and the core
// reads both, so a bundle holds them dozens of times (26 in blink-many): as
// `_label` and `_trys` they become one or two letters. Renamed are: every
// `.label` and `.trys` in ristretto's own modules, where nothing else has
// those names, and in a user's module only those of a state machine's frame
// (`_a` of `__generator(function (_a) { ... })`), so a user's own
// `label` properties, and the keys of JSON a firmware sends, keep theirs.
// Runs after the async lowering (async-plugin.ts). Host only.

import MagicString from "magic-string";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** The protocol's names and what the device build calls them. */
export var FRAME_NAMES: { [name: string]: string } = { label: "_label", trys: "_trys" };

function isFrameField(x: Node): boolean {
  return x.type === "MemberExpression" && !x.computed && x.property.type === "Identifier" && Object.prototype.hasOwnProperty.call(FRAME_NAMES, x.property.name);
}

/** The state machines in `ast`: the functions passed to tslib's __generator (its last argument: the lowering leaves it the only one). */
function stateMachines(ast: Node): Node[] {
  var generator = "", bodies: Node[] = [];
  eachNode(ast, function (n) {
    if (n.type === "ImportDeclaration" && n.source.value === "tslib") {
      n.specifiers.forEach(function (sp: Node) {
        if (sp.imported && sp.imported.name === "__generator") generator = sp.local.name;
      });
    }
  });
  if (!generator) return bodies;
  eachNode(ast, function (n) {
    var body = n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === generator ? n.arguments[n.arguments.length - 1] : null;
    if (body && body.type === "FunctionExpression" && body.params.length && body.params[0].type === "Identifier") bodies.push(body);
  });
  return bodies;
}

/** Renames the protocol's fields in one module; `own`: one of ristretto's. Null when nothing changed. */
export function renameFrameFields(code: string, ast: Node, own: boolean): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var s = new MagicString(code);
  function rename(x: Node): void {
    s.overwrite(x.property.start, x.property.end, FRAME_NAMES[x.property.name]);
  }
  if (own) {
    eachNode(ast, function (x) {
      if (isFrameField(x)) rename(x);
    });
  } else {
    stateMachines(ast).forEach(function (body) {
      var state = body.params[0].name;
      eachNode(body.body, function (x) {
        if (isFrameField(x) && x.object.type === "Identifier" && x.object.name === state) rename(x);
      });
    });
  }
  if (!s.hasChanged()) return null;
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}
