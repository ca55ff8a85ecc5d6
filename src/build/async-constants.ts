// After the async lowering (async-lowering.ts), for the device build only: a
// sleep of a constant is made once, as the bundle loads, instead of at every
// step. A state machine's `return [8, 500];` (rewrite 7) allocates an array
// each time Espruino runs it, about 10,000 instructions, where reading a name
// of the bundle's top level costs about 60 for each name made before it (the
// functions come first: some 50 of them): a task switch 1.1% fewer
// instructions (the switch probe of npm run bench:espruino; data-first.ts
// declares them at the head of the first `var` statement). It becomes
//   import _sleep500 from "\0ristretto-sleep:500";   (a module of its own)
//   return _sleep500;   return (_a.label = 2, _sleep500);
// Every module that sleeps 500 ms imports the same module, so the bundle
// holds one array (the talk sleeps 100 ms in three modules); its size stays
// within a few bytes. The driver only reads an instruction (task.ts), so one
// array serves every step. Not a jump (`[3, N]`): the features plugin looks
// for those (JUMPS), and they are rare; not `[2]`, which costs more text than
// it saves time. Host only (build time).

import MagicString from "magic-string";
import { eachNodeBut, identifiers, isFunction } from "./async-nodes";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** The constant an instruction literal is, as a name stem and its value's text, with its label write if it carries one; null if none. */
function constantOf(x: Node): { stem: string; text: string; label: Node | null } | null {
  var e = x.elements, op = e[0] && e[0].type === "Literal" ? e[0].value : -1;
  if (op !== 8 || e.length < 2 || e.length > 3 || e[1].type !== "Literal" || typeof e[1].value !== "number") return null;
  if (e.length === 3 && e[2].type !== "AssignmentExpression") return null;
  return { stem: "_sleep" + String(e[1].value).replace(/\W/g, "_"), text: String(e[1].value), label: e[2] || null };
}

/** The module of one instruction, `[8, ms]`, which every module that sleeps `ms` imports: one array in the bundle. */
export var SLEEP = "\0ristretto-sleep:";

/** The text of the module `id` when it is one of SLEEP's, else null. */
export function instructionModule(id: string): string | null {
  return id.indexOf(SLEEP) === 0 ? "export default [8, " + Number(id.slice(SLEEP.length)) + "];\n" : null;
}

/** tslib's `__generator` as `ast` imports it, or "". */
function generatorName(ast: Node): string {
  var name = "";
  eachNode(ast, function (n) {
    if (n.type !== "ImportDeclaration" || n.source.value !== "tslib") return;
    n.specifiers.forEach(function (sp: Node) {
      if (sp.imported && sp.imported.name === "__generator") name = sp.local.name;
    });
  });
  return name;
}

/** `code`: one module the async lowering rewrote (its state machines are `__generator(function (_a, ...) {...})`); null when nothing changed. */
export function hoistInstructions(code: string, ast: Node): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var generator = generatorName(ast);
  if (!generator) return null;
  var s = new MagicString(code), taken = identifiers(ast, {} as Node), names: { [text: string]: string } = {}, order: string[] = [];
  eachNode(ast, function (n) {
    var body = n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === generator ? n.arguments[0] : null;
    if (!body || body.type !== "FunctionExpression") return;
    eachNodeBut(body.body, isFunction, function (r) {
      var c = r.type === "ReturnStatement" && r.argument && r.argument.type === "ArrayExpression" ? constantOf(r.argument) : null;
      if (!c) return;
      var name = names[c.text];
      if (!name) {
        for (var i = 0, free = c.stem; taken[free]; ) free = c.stem + "_" + ++i;
        taken[free] = true;
        name = names[c.text] = free;
        order.push(c.text);
      }
      var a = r.argument;
      s.overwrite(a.start, a.end, c.label ? "(" + code.slice(c.label.start, c.label.end) + ", " + name + ")" : name);
    });
  });
  if (!order.length) return null;
  s.prepend(order.map((t) => "import " + names[t] + ' from "' + SLEEP + t + '";\n').join(""));
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}
