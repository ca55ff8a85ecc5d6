// Whether every call of gather(), shield(), waitFor() and waitForMs() in a
// bundle is given coroutines made right there, in the call: then promote()
// needs neither its tests nor its wrapping for them (PROMOTE, in
// features-plugin.ts), as a fresh coroutine is what createTask() takes as it
// is. blink-many's `gather([blink(LED1, 500), blink(LED2, 300)])`, where
// blink() returns every()'s coroutine, is such a call. Host only.

import { eachNodeBut, isFunction } from "./async-nodes";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

/** ristretto's functions that call promote() on what they are given, with the argument that gets it, and whether it is an array of awaitables. */
var PROMOTING: { module: RegExp; name: string; array: boolean }[] = [
  { module: /[\\/]src[\\/]funcs[\\/]gather\.(ts|js)$/, name: "gather", array: true },
  { module: /[\\/]src[\\/]funcs[\\/]shield\.(ts|js)$/, name: "shield", array: false },
  { module: /[\\/]src[\\/]funcs[\\/]wait-for\.(ts|js)$/, name: "waitFor", array: false },
  { module: /[\\/]src[\\/]funcs[\\/]wait-for\.(ts|js)$/, name: "waitForMs", array: false },
];
/** ristretto's functions that return a coroutine of their own making at every call. */
var MAKERS: { module: RegExp; name: string }[] = [
  { module: /[\\/]src[\\/]io[\\/]every\.(ts|js)$/, name: "every" },
  { module: /[\\/]src[\\/]funcs[\\/]gather\.(ts|js)$/, name: "gather" },
];

/** Whether a function is an async one as the async lowering leaves it: `function f(a) { var x; return __generator(BODY); }`. */
export function isAsync(fn: Node): boolean {
  var last = fn.body.type === "BlockStatement" && fn.body.body[fn.body.body.length - 1];
  return !!last && last.type === "ReturnStatement" && !!last.argument && last.argument.type === "CallExpression" && last.argument.callee.type === "Identifier" && /^__generator(\$\d+)?$/.test(last.argument.callee.name);
}

/** The chunk's modules, parsed (undefined where one cannot be). */
export type Parsed = { id: string; ast: Node | undefined }[];

/**
 * Whether each call of a promoting function that `modules` hold outside its own module gives it, where promote() will
 * get it, coroutines made in the call: a call of an async function, of every() or gather(), or of a function of the
 * program whose every return gives one and whose last statement returns. A name counts only where the whole chunk
 * declares it once and never assigns it, so no local can stand for it. False where a promoting function is passed on.
 */
export function promotesOnlyFresh(modules: Parsed): boolean {
  var declared: { [name: string]: number } = Object.create(null), assigned: { [name: string]: boolean } = Object.create(null);
  var fns: { [name: string]: Node } = Object.create(null), makers: string[] = [], calls: { name: string; array: boolean; module: string }[] = [];
  if (modules.some((m) => !m.ast)) return false;
  modules.forEach(function (m) {
    eachNode(m.ast!, function (n, parent) {
      if ((n.type === "VariableDeclarator" || /^Function/.test(n.type)) && n.id) declared[n.id.name] = (declared[n.id.name] || 0) + 1;
      if (/^Function|^Arrow/.test(n.type)) n.params.forEach((p: Node) => (declared[p.name] = (declared[p.name] || 0) + 1));
      if (n.type === "CatchClause" && n.param) declared[n.param.name] = (declared[n.param.name] || 0) + 1;
      if (n.type === "AssignmentExpression" && n.left.type === "Identifier") assigned[n.left.name] = true;
      if (n.type === "FunctionDeclaration" && parent === m.ast) fns[n.id.name] = n;
    });
    MAKERS.forEach((k) => k.module.test(m.id) && makers.push(renamed(m.ast!, k.name)));
    PROMOTING.forEach((k) => k.module.test(m.id) && calls.push({ name: renamed(m.ast!, k.name), array: k.array, module: m.id }));
  });

  function unique(name: string): boolean {
    return declared[name] === 1 && !assigned[name];
  }
  function fresh(e: Node | null, seen: Node[]): boolean {
    if (!e || e.type !== "CallExpression" || e.callee.type !== "Identifier" || !unique(e.callee.name)) return false;
    if (makers.indexOf(e.callee.name) >= 0) return true;
    var fn = fns[e.callee.name], body: Node[], ok: boolean;
    if (!fn || seen.indexOf(fn) >= 0) return false;
    if (isAsync(fn)) return true;
    body = fn.body.body;
    ok = body.length > 0 && body[body.length - 1].type === "ReturnStatement";
    eachNodeBut(fn.body, isFunction, function (n) {
      if (n.type === "ReturnStatement" && !fresh(n.argument, seen.concat(fn))) ok = false;
    });
    return ok;
  }
  function given(a: Node | undefined, array: boolean): boolean {
    if (!array) return !!a && fresh(a, []);
    return !!a && a.type === "ArrayExpression" && a.elements.every((x: Node | null) => fresh(x, []));
  }
  return calls.every(function (c) {
    if (!c.name || !unique(c.name)) return !c.name;
    return modules.every(function (m) {
      var ok = true;
      if (m.id !== c.module) {
        eachNode(m.ast!, function (n, parent) {
          if (n.type !== "Identifier" || n.name !== c.name || !isReference(n, parent)) return;
          if (!(parent && parent.type === "CallExpression" && parent.callee === n && given(parent.arguments[0], c.array))) ok = false;
        });
      }
      return ok;
    });
  });
}

/** The name a function declared at a module's top level has in the chunk (rollup's rename: gather$1), or "" where there is none. */
function renamed(ast: Node, name: string): string {
  var found = "";
  ast.body.forEach(function (n: Node) {
    if (n.type === "FunctionDeclaration" && (n.id.name === name || n.id.name.indexOf(name + "$") === 0)) found = n.id.name;
  });
  return found;
}
