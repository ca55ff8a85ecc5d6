// Rewrites 2, 4 and 5 of the async lowering (async-lowering.ts says what
// each does): jumps in place, merged cases and copied cases, in a state
// machine body without try regions; in one with try regions, whose jumps
// route() follows, a jump to a bare return is that return (where no region
// has a finally block), and the cases nothing reaches go. Host only (build
// time).

import MagicString from "magic-string";
import { OP_END_FINALLY, OP_JUMP, OP_RETURN, awaitsIn, isFunction, isLoop, isMember, opOf } from "./async-nodes";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** `case N: return [2];`, `return [2, literal]` or `return [2, name]`: its return statement, else null. */
function bareReturn(c: Node | undefined): Node | null {
  var st = c && c.consequent.length === 1 ? c.consequent[0] : null;
  if (!st || st.type !== "ReturnStatement" || opOf(st.argument) !== OP_RETURN) return null;
  var e = st.argument.elements;
  return e.length === 1 || (e.length === 2 && (e[1].type === "Literal" || e[1].type === "Identifier")) ? st : null;
}

/** Rewrites 2, 4 and 5 on one state machine body `function (_a) { switch (_a.label) { ... } }`. */
export function loopJumps(s: MagicString, code: string, body: Node): void {
  var stmts: Node[] = body.body.body, state = body.params[0] && body.params[0].name;
  if (!state || stmts.length !== 1 || stmts[0].type !== "SwitchStatement") return;
  var jumps: { r: Node; nested: boolean }[] = [], named: Named = {};
  (function visit(x: Node, nested: boolean, inFunction: boolean) {
    if (!inFunction) labelsNamed(x, state, named);
    if (!inFunction && x.type === "ReturnStatement" && opOf(x.argument) === OP_JUMP && x.argument.elements.length === 2) jumps.push({ r: x, nested: nested });
    Object.keys(x).forEach(function (k) {
      var v = x[k];
      if (!v || typeof v !== "object" || k === "loc") return;
      (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
        if (c && typeof c.type === "string") visit(c, nested || isLoop(c) || isFunction(c), inFunction || isFunction(c));
      });
    });
  })(stmts[0], false, false);
  var cases: Node[] = stmts[0].cases;
  if (entersTry(stmts[0])) return dropUnreached(s, code, cases, jumps, named);
  var byLabel = casesByLabel(cases), jumpsTo: { [label: number]: number } = {}, loops = false;
  var copies: { r: Node; to: Node }[] = [];
  /** Whether an await resumes at `label`: the case before it awaits (TypeScript resumes at the next case), unless that case only jumps on (rewrite 6 resumes past it). */
  function resumedAt(label: number): boolean {
    return !!byLabel[label - 1] && awaitsIn(byLabel[label - 1]).length > 0 && jumpsOnlyTo(byLabel[label], state, byLabel) < 0;
  }
  /** Where a jump to `label` ends up: past the cases that only jump on (an if's end inside a loop, `case 4: return [3, 1];`). */
  function threaded(label: number): number {
    for (var seen: number[] = []; seen.indexOf(label) < 0 && jumpsOnlyTo(byLabel[label], state) >= 0; ) {
      seen.push(label);
      label = jumpsOnlyTo(byLabel[label], state);
    }
    return label;
  }
  // The cases an await resumed at that only jump on (the case after it, and the one it falls into) go where
  // nothing else reaches them: their jump is not rewritten, and counts for its target (rewrite 6 resumes there).
  var passed: Node[] = [];
  cases.forEach(function (c, i) {
    var prev = cases[i - 1], next = cases[i + 1];
    if (jumpsOnlyTo(c, state, byLabel) < 0 || !prev || !awaitsIn(prev).length || !leaves(prev) || jumpedTo(c)) return;
    passed.push(c);
    if (next && jumpsOnlyTo(c, state) < 0 && !jumpedTo(next)) passed.push(next); // c falls into next, which jumps
  });
  function jumpedTo(c: Node): boolean {
    return jumps.some((j) => threaded(j.r.argument.elements[1].value) === c.test.value);
  }
  jumps.forEach(function (j) {
    var target = j.r.argument.elements[1], label = threaded(target.value), to = bareReturn(byLabel[label]);
    if (passed.some((c) => c.start <= j.r.start && j.r.end <= c.end)) return void (jumpsTo[target.value] = (jumpsTo[target.value] || 0) + 1);
    if (to) {
      // A jump to a bare return is that return.
      s.overwrite(j.r.start, j.r.end, code.slice(to.start, to.end));
      return;
    }
    if (!j.nested && copyable(byLabel[label], jumps, byLabel)) return void copies.push({ r: j.r, to: byLabel[label] });
    jumpsTo[label] = (jumpsTo[label] || 0) + 1;
    if (label !== target.value) s.overwrite(target.start, target.end, String(label));
    if (j.nested) return;
    s.overwrite(j.r.start, target.start, "{ " + state + ".label = ");
    s.overwrite(target.end, j.r.end, "; continue; }");
    loops = true;
  });
  // A case that no jump reaches any more, that no step resumes at (the one
  // after a case that awaits) and that the case before it cannot fall into goes.
  var gone: Node[] = passed.slice(), merged: Node[] = [];
  cases.forEach(function (c, i) {
    if (passed.indexOf(c) >= 0) return;
    var label = c.test && c.test.type === "Literal" ? c.test.value : 0;
    if (!label || jumpsTo[label] || !leaves(cases[i - 1])) return;
    if (!resumedAt(label)) gone.push(c);
  });
  // 4. A case that only its predecessor falls into, and no await resumes at,
  // is the rest of that predecessor: `_a.label = 3; case 3:` goes, and so
  // does a second pass through the switch. (Its awaits set their own labels, 6.)
  cases.forEach(function (c, i) {
    var prev = cases[i - 1], last = prev && prev.consequent[prev.consequent.length - 1];
    if (!last || !c.consequent.length || !c.test || c.test.type !== "Literal" || jumpsTo[c.test.value] || gone.indexOf(prev) >= 0) return;
    var e = last.type === "ExpressionStatement" ? last.expression : null;
    if (!e || e.type !== "AssignmentExpression" || !isMember(e.left, state, "label") || e.right.type !== "Literal" || e.right.value !== c.test.value) return;
    if (!resumedAt(c.test.value)) merged.push(c); // an await resumes there: it keeps its label
  });
  /** The label a case's code runs with: its own, or, merged, that of the case it became part of. */
  function runsWith(c: Node): number {
    var i = cases.indexOf(c);
    while (merged.indexOf(cases[i]) >= 0) i--;
    return cases[i].test ? cases[i].test.value : -1;
  }
  // 5. A jump to a short case that ends in a return is that case's code:
  // no second pass through the switch. Its awaits set their labels (6), so
  // it writes none; an await that resumes at the label the copy runs with
  // sets none either (no write in a case goes on to a later statement of it).
  copies.forEach(function (c) {
    var st = c.to.consequent, text = s.slice(st[0].start, st[st.length - 1].end), at = caseOf(cases, c.r);
    // (A copy is too short to hold a function with a state machine of its own, whose labels this would match.)
    if (at) text = text.split(", " + state + ".label = " + runsWith(at) + "]").join("]");
    s.overwrite(c.r.start, c.r.end, "{ " + text + " }");
  });
  if (loops) s.appendLeft(stmts[0].start, "for (;;) ");
  gone.forEach(function (c) {
    s.remove(c.start, c.end);
  });
  merged.forEach(function (c) {
    var prev = cases[cases.indexOf(c) - 1], last = prev.consequent[prev.consequent.length - 1];
    s.remove(last.start, last.end);
    s.remove(c.start, c.consequent[0].start);
  });
}

/**
 * The label that case `c` only jumps to, `[_a.sent();] return [3, N];` (an
 * await followed by `continue`, say), or, given `byLabel`, falls into a case
 * that does (`_a.sent(); _a.label = 2; case 2: return [3, N];`); else -1.
 * An await that would resume at `c` resumes at N (rewrite 6), in a body
 * without try regions.
 */
export function jumpsOnlyTo(c: Node | undefined, state: string, byLabel?: { [label: number]: Node }): number {
  var st = c ? c.consequent.filter((x: Node) => !(x.type === "ExpressionStatement" && x.expression.type === "CallExpression" && isMember(x.expression.callee, state, "sent"))) : [];
  var e = st.length === 1 && st[0].type === "ExpressionStatement" ? st[0].expression : null;
  if (byLabel && e && e.type === "AssignmentExpression" && isMember(e.left, state, "label") && e.right.type === "Literal" && e.right.value === c!.test.value + 1) {
    return jumpsOnlyTo(byLabel[e.right.value], state);
  }
  if (st.length !== 1 || st[0].type !== "ReturnStatement" || opOf(st[0].argument) !== OP_JUMP || st[0].argument.elements.length !== 2) return -1;
  var n = st[0].argument.elements[1];
  return n.type === "Literal" && typeof n.value === "number" ? n.value : -1;
}

/**
 * Notes the labels node `x` names: a region's start, catch and finally (`_a.trys.push([1, 3, 4, 5])`: not
 * its end, which route() only checks a jump against), or a label write; and a finally block (a finally
 * label, or `[7]`) as `named.fin`.
 */
function labelsNamed(x: Node, state: string, named: Named): void {
  if (x.type === "CallExpression" && isMember(x.callee.object || x.callee, state, "trys") && x.arguments[0] && x.arguments[0].type === "ArrayExpression") {
    x.arguments[0].elements.forEach(function (e: Node | null, i: number) {
      if (e && e.type === "Literal" && i < 3) named[e.value] = true;
      if (i === 2 && e && e.type === "Literal" && e.value) named.fin = true;
    });
  }
  if (opOf(x) === OP_END_FINALLY) named.fin = true;
  if (x.type === "AssignmentExpression" && isMember(x.left, state, "label") && x.right.type === "Literal") named[x.right.value] = true;
}

type Named = { [label: number]: boolean; fin?: boolean };

/**
 * In a body with try regions: a jump to a bare return is that return where no
 * region has a finally block (route() pops the regions a return leaves, as it
 * does for a jump out of them). Then a case goes that no jump, region start,
 * catch or finally, or label write names, that no await resumes at, and that
 * the case before it cannot fall into (after an endless loop, TypeScript's
 * `case 8: return [2];`, or a try's end that every jump to became a return).
 */
function dropUnreached(s: MagicString, code: string, cases: Node[], jumps: { r: Node }[], named: Named): void {
  var byLabel = casesByLabel(cases);
  jumps.forEach(function (j) {
    var label = j.r.argument.elements[1].value, to = !named.fin && bareReturn(byLabel[label]);
    if (to) s.overwrite(j.r.start, j.r.end, code.slice(to.start, to.end));
    else named[label] = true;
  });
  cases.forEach(function (c, i) {
    var prev = cases[i - 1], label = c.test && c.test.type === "Literal" ? c.test.value : 0;
    if (!label || named[label] || !leaves(prev)) return;
    if (!awaitsIn(prev).length && prev.test && prev.test.value === label - 1) s.remove(c.start, c.end);
  });
}

/** A state machine's cases by their label. */
export function casesByLabel(cases: Node[]): { [label: number]: Node } {
  var byLabel: { [label: number]: Node } = {};
  cases.forEach(function (c) {
    if (c.test && c.test.type === "Literal") byLabel[c.test.value] = c;
  });
  return byLabel;
}

/** Whether `n` enters a try region (`_a.trys.push(...)`), where route() follows the jumps. */
export function entersTry(n: Node): boolean {
  var tries = false;
  eachNode(n, function (x) {
    if (x.type === "MemberExpression" && !x.computed && x.property.name === "trys") tries = true;
  });
  return tries;
}

/** Whether case `c` ends in a return or a throw: the case after it is not fallen into. */
function leaves(c: Node | undefined): boolean {
  var last = c && c.consequent[c.consequent.length - 1];
  return !!last && (last.type === "ReturnStatement" || last.type === "ThrowStatement");
}

/** The case of `cases` that holds node `n`. */
function caseOf(cases: Node[], n: Node): Node | undefined {
  for (var i = 0; i < cases.length; i++) if (cases[i].start <= n.start && n.end <= cases[i].end) return cases[i];
}

/** The most syntax nodes a case may have to be copied to the jumps to it (rewrite 5): a loop's test and its await. */
var COPY_NODES = 24;

/**
 * Whether case `c` can stand in for a jump to it: short, ending in a return,
 * with no jump of its own but to a bare return (by then that return), and
 * not reading the value a step resumed with (after a jump, that is undefined).
 */
function copyable(c: Node | undefined, jumps: { r: Node }[], byLabel: { [label: number]: Node }): boolean {
  var st: Node[] = c ? c.consequent : [], last = st[st.length - 1], n = 0, resumes = false;
  if (!last || last.type !== "ReturnStatement") return false;
  var jumpsOut = jumps.some(function (j) {
    return j.r.start >= st[0].start && j.r.end <= last.end && !bareReturn(byLabel[j.r.argument.elements[1].value]);
  });
  st.forEach(function (x) {
    eachNode(x, function (y) {
      n++;
      if (y.type === "CallExpression" && y.callee.type === "MemberExpression" && !y.callee.computed && y.callee.property.name === "sent") resumes = true;
    });
  });
  return !jumpsOut && !resumes && n <= COPY_NODES;
}
