// Whether every coroutine the app makes is consumed where it is made: awaited,
// started, returned from an async function (which adopts it), or given once to
// ristretto (gather, shield, waitFor, a task group's createTask). Then none can
// be awaited or started twice, and a device bundle needs no check that it was
// not (REUSE_CHECK, in features-plugin.ts). This looks where coroutines are
// made, not only where they are awaited: so `await port.readline()` and
// `await event.wait()` pass, which the awaits alone could not tell from an
// await of a coroutine kept in a variable. Host only.
//
// The rules, over the app's modules (ristretto's own make and consume each
// coroutine once, and are read only to tell what their functions give):
// 1. A call whose value is used is consumed where it stands, or is kept in a
//    variable that is read once, later in the same block (not in a loop or a
//    function in it), and consumed there; else it calls what gives no
//    coroutine: a function of the chunk's whose every return is a literal,
//    arithmetic, a `new` of a class, a function, a property but one of
//    ristretto's own fields (named _x), or a local holding one of those; a
//    global of the runtime's but eval; a method whose every
//    definition in the chunk is such a function, or that the chunk defines
//    nowhere (a built-in, which makes none, and finds none kept anywhere).
// 2. A function that may give a coroutine (an async one, or one that returns
//    what may be one) is only called, given to what calls it and consumes
//    what each call gives (run, taskGroup, timeout, every), or defined as a
//    method under a name, which is only called. So what it returns is
//    consumed by rule 1 where it is called.
// What this cannot see: one of ristretto's own fields read by the app (a
// task's _frame), or a method read by a key computed at run time and handed
// to built-in code that keeps what it returns (`list.map(port[k])`).
// The host's development build, which always checks, raises
// E_REUSED_COROUTINE for a coroutine awaited twice whichever way it came.

import type { RenderedChunk } from "rollup";
import { isFunction, isLoop, opOf, OP_AWAIT, OP_RETURN } from "./async-nodes";
import { eachMention, eachNodeIn, indexChunk } from "./chunk-index";
import { PROMOTING, isAsync, keyOf, methodsOf, nameOf } from "./fresh-coroutines";
import type { Parsed } from "./fresh-coroutines";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

var COROUTINE = /[\\/]src[\\/]core[\\/]coroutine\.(ts|js)$/;
/** ristretto's functions that take coroutines and consume each once: createTask, and those that give what they take to promote(). */
var TAKERS = [{ module: /[\\/]src[\\/]core[\\/]create-task\.(ts|js)$/, name: "createTask", array: false }].concat(PROMOTING);
/** ristretto's functions that take functions, call them and consume once what each call gives. */
var CALLERS: { module: RegExp; name: string }[] = [
  { module: /[\\/]src[\\/]core[\\/]run\.(ts|js)$/, name: "run" },
  { module: /[\\/]src[\\/]funcs[\\/]task-group\.(ts|js)$/, name: "taskGroup" },
  { module: /[\\/]src[\\/]funcs[\\/]timeout\.(ts|js)$/, name: "timeout" },
  { module: /[\\/]src[\\/]io[\\/]every\.(ts|js)$/, name: "every" },
];
/** ristretto's methods that take a coroutine and consume it once (TaskGroup's): so where the chunk defines the name only in ristretto's modules. */
var TAKING_METHODS = ["createTask"];

/** Whether the app's modules consume every coroutine they make where they make it (see above); false where a module cannot be read. */
export function appConsumesWhereMade(chunk: RenderedChunk, modules: Parsed): boolean {
  if (modules.some((m) => !m.ast)) return false;
  var index = indexChunk(modules), parent = index.parent, enclosingFunction = index.enclosingFunction, isBody = index.isBody, memo = new Map<Node, boolean>();
  var declared: { [name: string]: Node[] } = Object.create(null), assigned: { [name: string]: number } = Object.create(null);
  var methods = methodsOf(modules);
  var coroutineClass = nameOf(chunk, COROUTINE, "Coroutine");
  var takers = TAKERS.map((k) => ({ name: nameOf(chunk, k.module, k.name), array: k.array })).filter((k) => k.name);
  var callers = CALLERS.map((k) => nameOf(chunk, k.module, k.name)).filter(Boolean);
  function add(list: { [name: string]: Node[] }, name: string, n: Node): void {
    (list[name] = list[name] || []).push(n);
  }
  modules.forEach(function (m) {
    eachNode(m.ast!, function (n, parent) {
      if (n.type === "Identifier" && isBinding(n, parent)) add(declared, n.name, /^(VariableDeclarator|FunctionDeclaration)$/.test(parent!.type) && parent!.id === n ? parent! : n);
      if (n.type === "AssignmentExpression" && n.left.type === "Identifier") assigned[n.left.name] = (assigned[n.left.name] || 0) + 1;
      if (n.type === "UpdateExpression" && n.argument.type === "Identifier") assigned[n.argument.name] = (assigned[n.argument.name] || 0) + 1;
    });
  });

  /** The one function declaration a name stands for: declared once, never assigned. */
  function theFunction(name: string): Node | undefined {
    var d = declared[name];
    return d && d.length === 1 && d[0].type === "FunctionDeclaration" && !assigned[name] ? d[0] : undefined;
  }
  /** What a value that is a function is: a function literal, or the name of the one function declaration. */
  function fnOf(v: Node): Node | undefined {
    return isFunction(v) ? v : v.type === "Identifier" ? theFunction(v.name) : undefined;
  }
  /** Whether `new name(...)` gives no coroutine: a global's class, or the chunk's, whose constructor returns none. */
  function aClass(name: string): boolean {
    var d = declared[name];
    if (!d) return !assigned[name] && name !== "Function";
    return name !== coroutineClass && !assigned[name] && d.every(function (x) {
      if (x.type === "FunctionDeclaration") return returnsNone(x);
      // TypeScript's class: var C = /** @class */ (function () { function C() {...} ... return C; }());
      var f = x.type === "VariableDeclarator" && x.init && x.init.type === "CallExpression" ? x.init.callee : null;
      return !!f && f.type === "FunctionExpression" && f.body.body.some((s: Node) => s.type === "FunctionDeclaration" && s.id.name === name);
    });
  }
  /** Whether a call or a `new` gives no coroutine. */
  function givesNone(n: Node): boolean {
    var c = n.callee, key = c.type === "MemberExpression" ? keyOf(c) : "", f: Node, fk: string;
    if (n.type === "NewExpression") return c.type === "Identifier" && aClass(c.name);
    if (c.type === "FunctionExpression") return returnsNone(c);
    if (c.type === "Identifier") return !declared[c.name] ? !assigned[c.name] && !/^(eval|Function)$/.test(c.name) : !!theFunction(c.name) && returnsNone(theFunction(c.name)!);
    if (!key) return false;
    if (/^(call|apply|bind)$/.test(key)) {
      // f.call(...) gives what f gives; a built-in's ([].slice.call(arguments)) gives none
      (f = c.object), (fk = f.type === "MemberExpression" ? keyOf(f) : "");
      if (f.type === "Identifier") return !!theFunction(f.name) && returnsNone(theFunction(f.name)!);
      return !!fk && !methods[fk] && !/^(call|apply|bind)$/.test(fk);
    }
    return !methods[key] || methods[key].every((v) => !!fnOf(v) && returnsNone(fnOf(v)!));
  }
  /** Whether a value cannot be a coroutine: a literal, arithmetic, a function, or a call that gives none. */
  function none(e: Node | null): boolean {
    if (!e) return true;
    if (e.type === "CallExpression" || e.type === "NewExpression") return givesNone(e);
    if (/^(Literal|TemplateLiteral|BinaryExpression|UnaryExpression|UpdateExpression|ArrayExpression|ObjectExpression|FunctionExpression|ArrowFunctionExpression)$/.test(e.type)) return true;
    if (e.type === "ConditionalExpression") return none(e.consequent) && none(e.alternate);
    if (e.type === "MemberExpression") return !/^(_|$)/.test(keyOf(e)); // a field of ristretto's own holds one: its names start with _
    return e.type === "LogicalExpression" && none(e.left) && none(e.right);
  }
  /**
   * Whether a function returns no coroutine: not an async one, and each return gives none, a function it declares,
   * or a local that holds none (one that no function in it assigns).
   */
  function returnsNone(fn: Node): boolean {
    if (memo.has(fn)) return memo.get(fn)!;
    memo.set(fn, false); // while it recurses: the worst
    var values: Node[] = [], locals: { [name: string]: Node[] } = Object.create(null), inner: { [name: string]: boolean } = Object.create(null), fns: { [name: string]: boolean } = Object.create(null);
    if (fn.body.type !== "BlockStatement") values.push(fn.body); // an arrow's expression
    eachNodeIn(fn, function (x, nested) {
      var name = x.type === "AssignmentExpression" && x.left.type === "Identifier" ? x.left.name : "";
      if (nested) {
        if (name) inner[name] = true;
        return;
      }
      if (x.type === "ReturnStatement" && x.argument) values.push(x.argument);
      if (x.type === "FunctionDeclaration") fns[x.id.name] = true;
      if (x.type === "VariableDeclarator" && x.id.type === "Identifier") add(locals, x.id.name, x.init);
      if (name && locals[name]) locals[name].push(x.operator === "=" ? x.right : x);
    });
    var ok =
      !isAsync(fn) &&
      values.every(function (a) {
        if (none(a)) return true;
        if (a.type !== "Identifier") return false;
        return fns[a.name] || (!!locals[a.name] && !inner[a.name] && locals[a.name].every((v) => !v || none(v)));
      });
    memo.set(fn, ok);
    return ok;
  }

  /** Whether the value of `n` is consumed where it stands: awaited, returned, or given to a taker. */
  function consumedHere(n: Node): boolean {
    var p = parent(n), q = p && parent(p);
    if (p.type === "ArrayExpression" && p.elements[1] === n && instruction(p)) return true; // [4, n] awaits it, [2, n] adopts it
    if (p.type === "ArrayExpression" && q.type === "CallExpression" && q.arguments[0] === p) return takes(q, true);
    if (p.type === "CallExpression" && p.arguments[0] === n) return takes(p, false);
    // what a function gives, which each of its callers consumes (the second rule, which the scan checks for every function)
    return p.type === "ReturnStatement" && !isBody(enclosingFunction(p));
  }
  function takes(call: Node, array: boolean): boolean {
    var c = call.callee, key = c.type === "MemberExpression" ? keyOf(c) : "";
    if (c.type === "Identifier") return takers.some((k) => k.name === c.name && k.array === array) && !!theFunction(c.name);
    return !array && TAKING_METHODS.indexOf(key) >= 0 && !!methods[key] && methods[key].every(index.mine);
  }
  /** `[4, x]` or `[2, x]` that a lowered async body returns. */
  function instruction(a: Node): boolean {
    var p = parent(a);
    if (opOf(a) !== OP_AWAIT && opOf(a) !== OP_RETURN) return false;
    if (p.type === "SequenceExpression" && p.expressions[p.expressions.length - 1] === a) p = parent(p);
    return p.type === "ReturnStatement" && isBody(enclosingFunction(p));
  }
  /** A function that may make coroutines is only called, given to a caller, or defined as a method (not a getter, nor a descriptor's value). */
  function placedWell(fn: Node): boolean {
    var p = parent(fn);
    if (calledOrGiven(fn) || isBody(fn)) return true;
    if (p.type === "AssignmentExpression") return p.right === fn && p.left.type === "MemberExpression" && !!keyOf(p.left);
    return p.type === "Property" && p.kind === "init" && !!keyOf(p) && !/^(get|set|value)$/.test(keyOf(p));
  }
  function calledOrGiven(n: Node): boolean {
    var p = parent(n);
    if (p.type !== "CallExpression" && p.type !== "NewExpression") return false;
    return p.callee === n || (p.callee.type === "Identifier" && callers.indexOf(p.callee.name) >= 0 && !!theFunction(p.callee.name));
  }
  /** `v = n` or `var v = n`, where v is read once, later in the same block and not in a loop or a function in it, and consumed there. */
  function keptThenConsumed(n: Node): boolean {
    var p = parent(n), name = "", stmt: Node | null = null, list: Node, x: Node, up: Node | null, body: Node[] | undefined;
    if (p.type === "VariableDeclarator" && p.init === n) (name = p.id.name), (stmt = parent(p));
    if (p.type === "AssignmentExpression" && p.operator === "=" && p.right === n && p.left.type === "Identifier") (name = p.left.name), (stmt = parent(p));
    if (!stmt || !/^(VariableDeclaration|ExpressionStatement)$/.test(stmt.type) || !once(name, stmt)) return false;
    list = parent(stmt);
    for (x = once(name, stmt)!, up = parent(x); up && up !== list; x = up, up = parent(x)) if (isFunction(up) || isLoop(up)) return false;
    body = list.type === "SwitchCase" ? list.consequent : list.body;
    return !!up && Array.isArray(body) && body.indexOf(x) > body.indexOf(stmt) && consumedHere(once(name, stmt)!);
  }
  /** The one read of the variable `name` that `stmt` alone writes: a local of the function that declares it, or the chunk's. */
  function once(name: string, stmt: Node): Node | undefined {
    var fn = index.scopeOf(stmt, name), found: Node[] = [], writes = 0, decls = 0;
    if (fn && fn.params.some((x: Node) => x.name === name)) return undefined; // a parameter: what a caller gave
    eachMention(modules, fn, name, function (x) {
      var p = parent(x);
      if (p.type === "AssignmentExpression" && p.left === x) writes++;
      else if (p.type === "VariableDeclarator" && p.id === x) decls++;
      else found.push(x); // a read, or a declaration of another kind: counted against it
    }, parent);
    return decls === 1 && writes === (stmt.type === "VariableDeclaration" ? 0 : 1) && found.length === 1 ? found[0] : undefined;
  }
  function used(n: Node): boolean {
    var p = parent(n);
    if (p.type === "ExpressionStatement" || (p.type === "UnaryExpression" && p.operator === "void")) return false;
    return p.type !== "SequenceExpression" || (p.expressions[p.expressions.length - 1] === n && used(p));
  }

  return modules.every(function (m) {
    var ok = true;
    if (m.mine || m.id.charAt(0) === "\0") return true;
    eachNode(m.ast!, function (n, p) {
      var key = n.type === "MemberExpression" ? keyOf(n) : "", fn: Node | undefined;
      // the first rule: what a call gives is consumed, or is no coroutine
      if ((n.type === "CallExpression" || n.type === "NewExpression") && used(n) && !givesNone(n) && !consumedHere(n) && !keptThenConsumed(n)) ok = false;
      // the second: a function that may give one, where it stands (a literal), where it is named (a declaration), or a method read but not called
      if (isFunction(n) && n.type !== "FunctionDeclaration" && !returnsNone(n) && !placedWell(n)) ok = false;
      fn = n.type === "Identifier" && isReference(n, p) && !isBinding(n, p) ? theFunction(n.name) : undefined;
      if (fn && !returnsNone(fn) && !calledOrGiven(n)) ok = false;
      if (key && methods[key] && !(p!.type === "CallExpression" && p!.callee === n) && !(p!.type === "AssignmentExpression" && p!.left === n)) {
        if (methods[key].some((v) => !!fnOf(v) && !returnsNone(fnOf(v)!))) ok = false;
      }
    });
    return ok;
  });
}

/** Whether an identifier is where a name is declared: a function's, a variable's, a parameter, a caught exception. */
function isBinding(n: Node, parent: Node | null): boolean {
  if (!parent) return false;
  if (parent.type === "VariableDeclarator") return parent.id === n;
  if (/^(Function|Arrow)/.test(parent.type)) return parent.id === n || parent.params.indexOf(n) >= 0;
  return parent.type === "CatchClause" && parent.param === n;
}
