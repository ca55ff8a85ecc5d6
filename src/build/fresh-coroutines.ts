// Where a bundle's coroutines go: whether each is awaited or started where
// it is made. Where every call of gather(), shield(), waitFor() and
// waitForMs() is given coroutines made in the call, promote() needs neither
// its tests nor its wrapping for them (PROMOTE, in features-plugin.ts), as a
// fresh coroutine is what createTask() takes as it is; blink-many's
// `gather([blink(LED1, 500), blink(LED2, 300)])`, where blink() returns
// every()'s coroutine, is such a call, and so is nmea's
// `waitForMs(gps.readline(), 2000)`, where every readline the program
// defines is an async method and no object of the runtime's can be gps.
// Host only.

import type { RenderedChunk } from "rollup";
import { eachNodeBut, isFunction } from "./async-nodes";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

/** ristretto's functions that call promote() on what they are given, with the argument that gets it, and whether it is an array of awaitables. */
export var PROMOTING: { module: RegExp; name: string; array: boolean }[] = [
  { module: /[\\/]src[\\/]funcs[\\/]gather\.(ts|js)$/, name: "gather", array: true },
  { module: /[\\/]src[\\/]funcs[\\/]shield\.(ts|js)$/, name: "shield", array: false },
  { module: /[\\/]src[\\/]funcs[\\/]wait-for\.(ts|js)$/, name: "waitFor", array: false },
  { module: /[\\/]src[\\/]funcs[\\/]wait-for\.(ts|js)$/, name: "waitForMs", array: false },
];
/** Methods of the built-ins ES5's globals reach (arrays, strings, numbers, dates, Math, JSON, console), and those Espruino adds. */
var BUILT_IN = /^(toString|toLocaleString|valueOf|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|call|apply|bind|concat|join|pop|push|reverse|shift|unshift|slice|splice|sort|indexOf|lastIndexOf|includes|every|some|forEach|map|filter|reduce|reduceRight|find|findIndex|fill|keys|values|entries|charAt|charCodeAt|codePointAt|localeCompare|match|replace|search|split|substring|substr|toLowerCase|toUpperCase|trim|trimStart|trimEnd|startsWith|endsWith|padStart|padEnd|repeat|toFixed|toExponential|toPrecision|exec|test|parse|stringify|log|error|warn|info|debug|now|(get|set)[A-Z]\w*|to\w*(String|JSON))$/;
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

/** The chunk's modules, parsed (undefined where one cannot be); `mine` for ristretto's own. */
export type Parsed = { id: string; ast: Node | undefined; mine: boolean }[];

type Freshness = {
  /**
   * Whether `e` gives a coroutine made right there: a call of an async function (a literal one's too), of every() or
   * gather(), or of a function of the program whose every return gives one and whose last statement returns.
   */
  fresh: (e: Node | null) => boolean;
  /** Whether the whole chunk declares `name` once and never assigns it, so no local can stand for it. */
  unique: (name: string) => boolean;
};

/** The name a function of ristretto's has in the chunk (rollup's rename: run$1), or "" if the chunk has none. */
export function nameOf(chunk: RenderedChunk, module: RegExp, name: string): string {
  var found = "", declared = new RegExp("\\bfunction (" + name + "(\\$\\d+)?)\\s*\\(");
  Object.keys(chunk.modules).forEach(function (id) {
    var m = module.test(id) && declared.exec(chunk.modules[id].code || "");
    if (m) found = m[1];
  });
  return found;
}

/** A property's name where it is written out (`o.name`, `o["name"]`, `{ name: v }`), else "". */
export function keyOf(n: Node): string {
  var k = n.type === "MemberExpression" ? n.property : n.key;
  if (k.type === "Identifier" && !n.computed) return k.name;
  return k.type === "Literal" && typeof k.value === "string" ? k.value : "";
}

/** What the modules define under each property name: the values of `o.name = v` and `{ name: v }`. */
export function methodsOf(modules: Parsed): { [name: string]: Node[] } {
  var methods: { [name: string]: Node[] } = Object.create(null);
  modules.forEach(function (m) {
    if (!m.ast) return;
    eachNode(m.ast, function (n) {
      var key = n.type === "AssignmentExpression" && n.left.type === "MemberExpression" ? keyOf(n.left) : n.type === "Property" ? keyOf(n) : "";
      if (key) (methods[key] = methods[key] || []).push(n.type === "Property" ? n.value : n.right);
    });
  });
  return methods;
}

/**
 * Freshness in the chunk's modules; undefined where one cannot be read. `closed`: no object of the runtime's can
 * reach the program's code (FOREIGN is off), so a method it calls is one it defines.
 */
function freshness(chunk: RenderedChunk, modules: Parsed, closed: boolean): Freshness | undefined {
  var declared: { [name: string]: number } = Object.create(null), assigned: { [name: string]: boolean } = Object.create(null);
  var fns: { [name: string]: Node } = Object.create(null), makers: string[], methods = methodsOf(modules);
  if (modules.some((m) => !m.ast)) return undefined;
  function declare(target: Node | null): void {
    // every name in it, a pattern's too (a default's names with them: more declarations than there are is safe)
    if (target) eachNode(target, (x) => x.type === "Identifier" && (declared[x.name] = (declared[x.name] || 0) + 1));
  }
  modules.forEach(function (m) {
    eachNode(m.ast!, function (n, parent) {
      if (n.type === "VariableDeclarator" || /^Function/.test(n.type)) declare(n.id);
      if (/^Function|^Arrow/.test(n.type)) n.params.forEach(declare);
      if (n.type === "CatchClause") declare(n.param);
      if (n.type === "AssignmentExpression" && n.left.type === "Identifier") assigned[n.left.name] = true;
      if (n.type === "FunctionDeclaration" && parent === m.ast) fns[n.id.name] = n;
    });
  });
  function unique(name: string): boolean {
    return declared[name] === 1 && !assigned[name];
  }
  makers = MAKERS.map((k) => nameOf(chunk, k.module, k.name));
  function fresh(e: Node | null, seen: Node[]): boolean {
    var key = e && e.type === "CallExpression" && e.callee.type === "MemberExpression" ? keyOf(e.callee) : "";
    if (e && e.type === "CallExpression" && e.callee.type === "FunctionExpression") return isAsync(e.callee); // (async function () { ... })()
    // port.readline(), where every readline is an async method (and no array, string or other built-in has one)
    if (key) return closed && !BUILT_IN.test(key) && !!methods[key] && methods[key].every((v) => v.type === "FunctionExpression" && isAsync(v));
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
  return { fresh: (e) => fresh(e, []), unique: unique };
}

/** Whether every mention of `name` in the modules `where` picks is a call whose arguments `ok` takes (false where one of those cannot be read). */
export function onlyCalls(modules: Parsed, where: (id: string, mine: boolean) => boolean, name: string, ok: (args: Node[]) => boolean): boolean {
  return modules.every(function (m) {
    var all = !!m.ast;
    if (m.ast && where(m.id, m.mine)) {
      eachNode(m.ast, function (n, parent) {
        if (n.type !== "Identifier" || n.name !== name || !isReference(n, parent)) return;
        if (!(parent && parent.type === "CallExpression" && parent.callee === n && ok(parent.arguments))) all = false;
      });
    }
    return all;
  });
}

/**
 * Whether each call of a promoting function that `modules` hold outside its own module gives it, where promote() will
 * get it, coroutines made in the call (`fresh`). False where a promoting function is passed on.
 */
export function promotesOnlyFresh(chunk: RenderedChunk, modules: Parsed, closed: boolean): boolean {
  var f = freshness(chunk, modules, closed);
  return (
    !!f &&
    PROMOTING.every(function (k) {
      var name = nameOf(chunk, k.module, k.name);
      return (
        !name ||
        (f!.unique(name) &&
          onlyCalls(modules, (id) => !k.module.test(id), name, function (args) {
            var a = args[0];
            return k.array ? !!a && a.type === "ArrayExpression" && a.elements.every(f!.fresh) : f!.fresh(a);
          }))
      );
    })
  );
}
