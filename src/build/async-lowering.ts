// Eight rewrites of TypeScript's ES5 async functions, for the device build only
// (the host runs TypeScript's output as it is; the bundle tests run these).
// All keep the coroutine protocol of src/core/coroutine.ts; they remove text
// that Espruino would read on every call, and a closure per call.
//
// 1. No `__awaiter` wrapper. TypeScript emits
//      function f(x) { return __awaiter(this, void 0, void 0, function () {
//        var i; return __generator(this, function (_a) { ... }); }); }
//    and ristretto's __awaiter only calls that function. The rewrite gives
//      function f(x) { var i; return __generator(this, function (_a) { ... }); }
//    (skipped when the function reads `arguments`, or when a hoisted name
//    would collide with a name of the enclosing function). With default
//    parameters TypeScript gives the wrapper the parameters and passes it
//    `arguments`; the function takes the wrapper's parameters then:
//      function f(a_1) { return __awaiter(this, arguments, void 0, function (a, b) {
//        if (b === void 0) { b = 42; } return __generator(...); }); }  becomes
//      function f(a, b) { if (b === void 0) { b = 42; } return __generator(...); }
// 2. Jumps inside the state machine. In a body without try regions, a
//    `return [3, N]` (jump to label N) goes back through the driver only to
//    call the body again at N; the rewrite loops in place instead:
//      for (;;) switch (_a.label) { ... _a.label = N; continue; ... }
//    A jump inside a loop or function of its own (a `continue` there would
//    bind to it) is left to the driver. A jump to a case that only returns,
//    `case 4: return [2];`, becomes that return (also with try regions); one
//    to a case that only jumps on, `case 4: return [3, 1];` (an if's end in
//    a loop), goes where that case goes, and the case goes.
// 3. No module state. The body reads the value it was resumed with by
//    `_a.sent()` and enters a try region by `_a.trys.push(region)`, which
//    need to know the running coroutine (coroutine.ts). The driver also
//    passes the value as the body's second argument:
//      function (_a) { x = _a.sent(); _a.trys.push([1, 3, , 4]); }  becomes
//      function (_a, _s) { x = _s; _a._try([1, 3, 0, 4]); }  (a missing label: 0)
//    and a region inside no other of the body's is entered with the stack
//    empty (each is left before the next is entered), so it sets it,
//    `_a.trys = [[1, 3, 0, 4]];`: no call, and where no region is inside
//    another, no _try() in the bundle (the talk 36 B).
//    The driver calls every body plainly, never by call(): `this` in the body
//    (an async method's) becomes a variable of the function the body is made
//    in, `var _self = this;`, and `__generator(this, BODY)` becomes
//    `__generator(BODY)`. A coroutine then keeps no `this` of its own.
//
// 4. Cases merged. In a body without try regions, a case that only its
//    predecessor falls into (`_a.label = 3; case 3:`), and no await resumes
//    at, needs neither its label nor the write of it: a loop's step after
//    its await then runs without a second pass through the switch. (One that
//    other steps reach too keeps its label; the bundle's fallthrough-labels.ts
//    drops the write before it where nothing at that label relies on it.)
// 5. Short cases copied. A jump to a case of a few statements that ends in a
//    return (a loop's test and its await) becomes that case's code:
//    `_a.label = 1; continue;` becomes
//    `{ if (!(i < n)) return [2]; return [4, sleepMs(0)]; }`,
//    so a loop's next step needs no second pass through the switch.
//    (Rewrites 2, 4 and 5 are in async-jumps.ts.)
// 6. Awaits set the label they resume at. TypeScript's protocol leaves it to
//    the driver (`label++` after `[4, x]`); a device body sets it in the
//    instruction, after evaluating x (an exception there is still at the
//    await's own label, for the try regions): `return [4, x, _a.label = 2];`.
//    The device driver then never writes a label, and the writes it made
//    needed go: a copy (5) needs no label of its own, and an await that
//    resumes at the case it is copied into, whose label it already is, sets
//    none (a loop's step after its await writes no label at all); a case
//    that only its predecessor falls into merges (4) even when it awaits.
//    An await whose next case only jumps on (`await x; continue;`, or an
//    await last in a loop's body) resumes where the jump goes, and that case
//    goes where nothing else reaches it; not in a body with try regions,
//    where route() follows the jump (async-jumps.ts, jumpsOnlyTo).
// 7. A sleep without a call. `[4, sleepMs(x)]`, where sleepMs is ristretto's
//    (imported from "ristretto", or from core/sleep by ristretto's own
//    modules, and declared nowhere else in the module), becomes `[8, x]`,
//    which the driver parks itself (OP_SLEEP, coroutine.ts): no call of
//    sleepMs, no Sleep object, no call of its _aw. `[4, sleep(s)]` becomes
//    `[8, (s) * 1000]` (`[8, 100]` for `sleep(0.1)`), as sleep() calls sleepMs
//    (async-sleeps.ts).
// 8. A call with an await among its arguments takes no arrays
//    (`_b.apply(_a, _c.concat([_k.sent()]))` becomes `_b.call(_a, "got", ...)`: async-calls.ts).
//
// Espruino reads all of a body's text that it passes on every call: 2, 4 and
// 5 cut a task switch by about 12%, 6 by another 9%, and 7 by 11%.
//
// Edits only remove, insert and move text, so the source map holds. Host only.

import MagicString from "magic-string";
import { spreadCalls } from "./async-calls";
import { sleepNames, sleeps } from "./async-sleeps";
import { casesByLabel, entersTry, jumpsOnlyTo, loopJumps } from "./async-jumps";
import { awaitsIn, eachNodeBut, identifiers, isFunction, isMember } from "./async-nodes";
import { fillRegion } from "./async-regions";
import { eachNode } from "./lower";
import type { Node } from "./lower";

function isVoid0(n: Node): boolean {
  return n.type === "UnaryExpression" && n.operator === "void";
}

function calls(n: Node | null | undefined, name: string): boolean {
  return !!n && n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === name;
}

/** Names declared by `var` directly in these statements. */
function varNames(stmts: Node[]): string[] {
  var names: string[] = [];
  stmts.forEach(function (s) {
    if (s.type === "VariableDeclaration") {
      s.declarations.forEach(function (d: Node) {
        names.push(d.id.name);
      });
    }
  });
  return names;
}

function usesArguments(n: Node): boolean {
  var found = false;
  eachNode(n, function (x) {
    if (x.type === "Identifier" && x.name === "arguments") found = true;
  });
  return found;
}

/** Rewrite 1 on one `return __awaiter(...)` inside `fn`: the `__generator(...)` call it unwrapped, if it did. */
function unwrap(s: MagicString, fn: Node, ret: Node, names: { awaiter: string; generator: string }): Node | undefined {
  var call = ret.argument, args = call.arguments, wrapper = args[3];
  // With default parameters TypeScript passes `arguments` on: the wrapper has the parameters (`a, b`), the function their prefix (`a_1`).
  var passed = args.length === 4 && args[1].type === "Identifier" && args[1].name === "arguments";
  if (args.length !== 4 || !(isVoid0(args[1]) || passed) || wrapper.type !== "FunctionExpression") return;
  if (passed ? fn.body.body.length !== 1 || wrapper.params.length < fn.params.length : wrapper.params.length) return;
  var stmts: Node[] = wrapper.body.body, last = stmts[stmts.length - 1];
  if (!last || last.type !== "ReturnStatement" || !calls(last.argument, names.generator)) return;
  if (stmts.slice(0, -1).some((x) => x.type !== "VariableDeclaration" && !(passed && x.type === "IfStatement"))) return; // `if (b === void 0) { b = 42; }`
  if (usesArguments(wrapper)) return;
  var gen = last.argument, outer = identifiers(fn, wrapper), hoisted = varNames(stmts).concat(wrapper.params.map((p: Node) => p.name));
  if (gen.arguments.length !== 2 || gen.arguments[0].type !== "ThisExpression") return;
  if (passed) fn.params.forEach((p: Node) => delete outer[p.name]); // they give way to the wrapper's
  if (hoisted.some((v) => outer[v])) return;
  if (passed) {
    var params = wrapper.params.map((p: Node) => s.original.slice(p.start, p.end)).join(", ");
    if (fn.params.length) s.overwrite(fn.params[0].start, fn.params[fn.params.length - 1].end, params);
    else s.appendLeft(s.original.indexOf("(", fn.id ? fn.id.end : fn.start) + 1, params);
  }
  // `return __awaiter(THIS, void 0, void 0, function () { VARS return __generator(this, BODY); })`
  //  becomes `VARS return __generator(BODY)` (rewrite 3 gives BODY its `this`); with `arguments`,
  //  `function f(a_1) { return __awaiter(this, arguments, void 0, function (a, b) { DEFAULTS VARS return ... }) }`
  //  becomes `function f(a, b) { DEFAULTS VARS return __generator(BODY) }`
  stmts.slice(0, -1).forEach(function (v) {
    s.move(v.start, v.end, ret.start);
  });
  s.overwrite(call.start, args[0].end, names.generator + "(");
  s.remove(args[0].end, stmts.length > 1 ? stmts[0].start : last.start);
  s.remove(last.start, gen.arguments[1].start);
  s.overwrite(gen.arguments[1].end, call.end, ")");
  return gen;
}

/**
 * Rewrite 6 on one state machine body: each `[4, x]` in `case k:` becomes
 * `[4, x, _a.label = k + 1]`, the case TypeScript resumes it at. A body of
 * another shape fails the build: the device driver leaves every label to
 * the body.
 */
function resumeLabels(s: MagicString, body: Node): void {
  var state = body.params[0].name, stmts: Node[] = body.body.body, sw = stmts.length === 1 && stmts[0].type === "SwitchStatement" ? stmts[0] : null;
  var inCases = 0, tries = entersTry(body.body);
  if (sw) {
    var byLabel = casesByLabel(sw.cases);
    sw.cases.forEach(function (c: Node, i: number) {
      // Past a case that only jumps on (`await x; continue;`), where no try region makes the jump route()'s.
      var next = sw!.cases[i + 1], on = tries || !next || !next.test || !c.test || next.test.value !== c.test.value + 1 ? -1 : jumpsOnlyTo(next, state, byLabel);
      awaitsIn(c).forEach(function (x) {
        if (!c.test || c.test.type !== "Literal" || typeof c.test.value !== "number") return;
        s.appendLeft(x.end - 1, ", " + state + ".label = " + (on >= 0 ? on : c.test.value + 1));
        inCases++;
      });
    });
  }
  if (awaitsIn(body.body).length !== inCases) {
    throw new Error("the device build expects each await of TypeScript's state machine in a numbered case, at offset " + body.start);
  }
}

/** `this` in `n`, outside the functions in it (which have their own; an arrow function shares it). */
function eachThis(n: Node, fn: (x: Node) => void): void {
  eachNodeBut(
    n,
    function (c) {
      return isFunction(c) && c.type !== "ArrowFunctionExpression";
    },
    function (x) {
      if (x.type === "ThisExpression") fn(x);
    },
  );
}

/** Rewrite 3 on one state machine body; `outer`: the function whose `this` the body's is. */
function noModuleState(s: MagicString, body: Node, outer: Node): void {
  var state = body.params.length === 1 && body.params[0].name, sends: Node[] = [], bare: Node[] = [], self = "";
  if (!state) throw new Error("the device build expects TypeScript's state machine body, function (_a) { ... }, at offset " + body.start);
  eachThis(body.body, function (x) {
    if (!self) {
      var taken = identifiers(outer, {} as Node), n = 0;
      for (self = "_self"; taken[self]; ) self = "_self" + ++n;
      s.appendLeft(outer.body.start + 1, " var " + self + " = this;");
    }
    s.overwrite(x.start, x.end, self);
  });
  // `_a.sent();` alone, where TypeScript drops what an await gave: goes. (Here and below, the body's own
  // instructions: a state machine inside it, whose state TypeScript names _a too, is its own pass's.)
  eachNodeBut(body.body, isFunction, function (x) {
    if (x.type !== "SwitchCase") return;
    x.consequent.forEach(function (st: Node) {
      var e = st.type === "ExpressionStatement" ? st.expression : null;
      if (e && e.type === "CallExpression" && !e.arguments.length && isMember(e.callee, state, "sent")) {
        s.remove(st.start, st.end);
        bare.push(e);
      }
    });
  });
  var regions: Node[] = [];
  eachNodeBut(body.body, isFunction, function (x) {
    if (x.type !== "CallExpression") return;
    var c = x.callee;
    if (!x.arguments.length && isMember(c, state, "sent") && bare.indexOf(x) < 0) sends.push(x);
    if (c.type === "MemberExpression" && !c.computed && c.property.name === "push" && isMember(c.object, state, "trys")) regions.push(x);
  });
  regions.forEach(function (x) {
    // A region in no other of the body's is entered with none on the stack (each is left before the next is
    // entered): `_a.trys = [[1, 3, 0, 4]]`, no call; else `_a._try([1, 3, 0, 4])` pushes it.
    var outer = regions.some((y) => y !== x && inside(labelsOf(x), labelsOf(y)));
    if (outer || !labelsOf(x)) s.overwrite(x.callee.object.object.end, x.callee.end, "._try");
    else {
      s.overwrite(x.callee.object.end, x.arguments[0].start, " = [");
      s.overwrite(x.arguments[0].end, x.end, "]");
    }
    fillRegion(s, x.arguments[0]);
  });
  if (!sends.length) return;
  var used = identifiers(body, body.params[0]), name = "_s", n = 0;
  while (used[name]) name = "_s" + ++n;
  s.appendLeft(body.params[0].end, ", " + name);
  sends.forEach(function (x) {
    s.overwrite(x.start, x.end, name);
  });
}

/** A region's labels, [try, catch, finally, end], where its literal holds numbers and holes; else null. */
function labelsOf(push: Node): (number | null)[] | null {
  var r = push.arguments[0];
  if (!r || r.type !== "ArrayExpression" || r.elements.some((e: Node | null) => e && (e.type !== "Literal" || typeof e.value !== "number"))) return null;
  return r.elements.map((e: Node | null) => (e ? e.value : null));
}

/** True if region `a` starts inside region `b` (between its try and end labels); a region it cannot read may hold any. */
function inside(a: (number | null)[] | null, b: (number | null)[] | null): boolean {
  return !a || !b || (a[0]! > b[0]! && a[0]! < b[3]!);
}

/**
 * Rewrites one module of TypeScript's output; null when nothing changed.
 * `fromRistretto` says whether an import's source is ristretto's (rewrite 7).
 */
export function lowerAsync(code: string, ast: Node, fromRistretto?: (source: string) => boolean): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var names = { awaiter: "", generator: "" };
  eachNode(ast, function (n) {
    if (n.type === "ImportDeclaration" && n.source.value === "tslib") {
      n.specifiers.forEach(function (sp: Node) {
        if (sp.imported && sp.imported.name === "__awaiter") names.awaiter = sp.local.name;
        if (sp.imported && sp.imported.name === "__generator") names.generator = sp.local.name;
      });
    }
  });
  if (!names.generator) return null;
  var s = new MagicString(code), sleepers = fromRistretto ? sleepNames(ast, fromRistretto) : Object.create(null);
  // The function each `__generator(...)` call is made in; the async function itself once rewrite 1 took the wrapper away.
  var fns: Node[] = [], callers = new Map<Node, Node>();
  eachNode(ast, function (n) {
    while (fns.length && !(n.start >= fns[fns.length - 1].start && n.end <= fns[fns.length - 1].end)) fns.pop();
    if (isFunction(n)) fns.push(n);
    if (names.awaiter && isFunction(n) && n.body.type === "BlockStatement") {
      n.body.body.forEach(function (st: Node) {
        var gen = st.type === "ReturnStatement" && calls(st.argument, names.awaiter) ? unwrap(s, n, st, names) : undefined;
        if (gen) callers.set(gen, n);
      });
    }
    if (calls(n, names.generator) && n.arguments.length === 2 && n.arguments[1].type === "FunctionExpression") {
      if (!callers.get(n)) s.remove(n.arguments[0].start, n.arguments[1].start); // `__generator(BODY)`, as unwrap() leaves it
      noModuleState(s, n.arguments[1], callers.get(n) || fns[fns.length - 1]); // first: rewrite 5 copies text with its edits
      spreadCalls(s, code, n.arguments[1], callers.get(n) || fns[fns.length - 1], n.arguments[1].params[0].name);
      sleeps(s, n.arguments[1], sleepers);
      resumeLabels(s, n.arguments[1]);
      loopJumps(s, code, n.arguments[1]);
    }
  });
  if (!s.hasChanged()) return null;
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}
