// A size and speed rewrite of the device bundle's state machines, before
// terser. A case that the one before it falls into is entered with a label
// write, `_a._label = 3; case 3:`, which the async lowering keeps when other
// steps reach case 3 too (a jump, an await resuming there). The write is
// needed only if something that runs at label 3 relies on it: a suspension that leaves
// the label as it is (to resume where it is), a `continue` to the switch
// without a write, or a `break` out of it. When each suspension there
// writes its own label, `return [8, ms, _a._label = 1]`, the write goes:
// every() then writes one label fewer each period (blink-many: 3 writes,
// 18 B). In a body with try regions, route() compares the label with each
// region's catch and finally labels: there the write goes too where every
// label the body may be at as its case ends is on the same side of each of
// those as the label it writes, so an exception or a return is routed as
// before (a task group's loop: the talk 18 B, nmea 31 B). Host only.

import MagicString from "magic-string";
import { eachNodeBut, isFunction, isLoop, labelSwitch, ownState } from "./async-nodes";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** `A.P = <literal>`, given A's name and P. */
function isLabelWrite(e: Node | null | undefined, a: string, p: string): boolean {
  return !!e && e.type === "AssignmentExpression" && e.operator === "=" && isLabel(e.left, a, p) && e.right.type === "Literal";
}

function isLabel(n: Node, a: string, p: string): boolean {
  return n.type === "MemberExpression" && !n.computed && n.object.type === "Identifier" && n.object.name === a && n.property.name === p;
}

/** Whether `st` is a statement `A.P = N;` (N given) or any label write (N undefined). */
function writeStatement(st: Node | undefined, a: string, p: string, n?: number): boolean {
  return !!st && st.type === "ExpressionStatement" && isLabelWrite(st.expression, a, p) && (n === undefined || st.expression.right.value === n);
}

/** Whether every step out of `sts` that the switch would resume at the current label writes the label first. */
export function writesBeforeLeaving(sts: Node[], a: string, p: string): boolean {
  var ok = true;
  // inLoop: a continue there goes to a loop of its own; inSwitch: a break there leaves a loop or switch of its own.
  (function visit(x: Node, block: Node[] | null, inLoop: boolean, inSwitch: boolean) {
    if (!ok || isFunction(x)) return;
    if (x.type === "ReturnStatement") ok = suspendsWithWrite(x.argument, a, p);
    if ((x.type === "BreakStatement" || x.type === "ContinueStatement") && x.label) ok = false;
    if (x.type === "BreakStatement" && !inSwitch) ok = false; // out of the switch: the for (;;) runs it again at the label as it is
    if (x.type === "ContinueStatement" && !inLoop) ok = !!block && writeStatement(block[block.indexOf(x) - 1], a, p);
    Object.keys(x).forEach(function (k) {
      var v = x[k];
      if (!v || typeof v !== "object" || k === "loc") return;
      (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
        if (!c || typeof c.type !== "string") return;
        visit(c, x.type === "BlockStatement" ? x.body : k === "consequent" && Array.isArray(v) ? v : null, inLoop || isLoop(x), inSwitch || isLoop(x) || x.type === "SwitchStatement");
      });
    });
  })({ type: "BlockStatement", body: sts } as unknown as Node, null, false, false);
  return ok;
}

/** An instruction that returns or jumps (the driver sets the label), or that suspends and writes the label it resumes at. */
function suspendsWithWrite(r: Node | null, a: string, p: string): boolean {
  if (r && r.type === "SequenceExpression") return isLabelWrite(r.expressions[0], a, p);
  if (!r || r.type !== "ArrayExpression" || !r.elements.length || !r.elements[0] || r.elements[0].type !== "Literal") return false;
  var op = r.elements[0].value;
  return op === 2 || op === 3 || ((op === 4 || op === 8) && isLabelWrite(r.elements[2], a, p));
}

/** Removes, in `ast` (the text of `s`), the label writes that only fall into their own case; whether any went. */
export function dropFallthroughLabels(s: MagicString, ast: Node): boolean {
  var changed = false;
  eachNode(ast, function (fn) {
    var regions: number[][] = [], m = labelSwitch(fn, regions);
    if (!m) return;
    var a = m.a, p = m.p, cases: Node[] = m.sw.cases, kept: Node[] = [];
    eachNodeBut(m.sw, ownState(a), function (x) {
      if (isLabelWrite(x, a, p)) kept.push(x);
    });
    cases.forEach(function (c, i) {
      var prev = cases[i - 1], last = prev && prev.consequent[prev.consequent.length - 1];
      if (!c.test || c.test.type !== "Literal" || !writeStatement(last, a, p, c.test.value)) return;
      var sts = runsAt(cases, i, a, p);
      if (!sts || !writesBeforeLeaving(sts, a, p) || !sameSides(labelsBefore(cases, i - 1, a, p), c.test.value, regions)) return;
      s.remove(last.start, last.end);
      changed = true;
      kept.splice(kept.indexOf(last.expression), 1);
    });
    // In a body with regions (one without has them merged by the lowering: async-jumps.ts), a case that nothing
    // lands on (no jump, no write of its label, no region's label) is the one before it going on: its `case N:` goes.
    var landed = regions.length ? landings(m.sw, a, p, regions, kept) : null;
    cases.forEach(function (c, i) {
      if (landed && i && c.test && c.test.type === "Literal" && !landed[c.test.value]) {
        s.remove(c.start, c.consequent.length ? c.consequent[0].start : c.end);
        changed = true;
      }
    });
  });
  return changed;
}

/** The labels a body may land on, from its jumps, its label writes (`writes`: those it keeps) and its regions; null if one is not a number. */
function landings(sw: Node, a: string, p: string, regions: number[][], writes: Node[]): { [label: number]: boolean } | null {
  var at: { [label: number]: boolean } = { 0: true }, ok = true;
  regions.forEach((r) => r.forEach((l) => (at[l] = true)));
  eachNodeBut(sw, ownState(a), function (x) {
    var jump = x.type === "ArrayExpression" && x.elements.length > 1 && x.elements[0] && x.elements[0].type === "Literal" && x.elements[0].value === 3 ? x.elements[1] : null;
    var write = x.type === "AssignmentExpression" && isLabel(x.left, a, p) && (writes.indexOf(x) >= 0 || !isLabelWrite(x, a, p)) ? x.right : null;
    [jump, write].forEach(function (l) {
      if (l && (l.type !== "Literal" || typeof l.value !== "number")) ok = false;
      else if (l) at[l.value] = true;
    });
  });
  return ok ? at : null;
}

/**
 * The labels the body may be at as case k ends: its own and those of the cases that fall into it with no
 * label write, for a jump or a resumed await lands on any of them. (A write dropped before counts as
 * there: the labels before it are on the same sides as the one it wrote.)
 */
function labelsBefore(cases: Node[], k: number, a: string, p: string): number[] {
  var labels: number[] = [];
  for (; k >= 0 && cases[k].test && cases[k].test.type === "Literal"; k--) {
    labels.push(cases[k].test.value);
    var prev = cases[k - 1], last = prev && prev.consequent[prev.consequent.length - 1];
    if (!prev || (last && (last.type === "ReturnStatement" || last.type === "ThrowStatement" || writeStatement(last, a, p)))) break;
  }
  return labels;
}

/**
 * True if route() (coroutine.ts) takes an exception or a return the same way at each of `labels` as at
 * `label`: each is on the same side of every region's catch and finally labels, which it compares the
 * label with (a jump's target is its own). Without regions, always.
 */
function sameSides(labels: number[], label: number, regions: number[][]): boolean {
  return regions.every((r) => labels.every((l) => (!r[1] || l < r[1] === label < r[1]) && (!r[2] || l < r[2] === label < r[2])));
}

/**
 * The statements that run at case i's label: its own, and those of the cases
 * it falls into without a label write; null if they may end by falling out of
 * the switch, which runs it again at the label as it is.
 */
function runsAt(cases: Node[], i: number, a: string, p: string): Node[] | null {
  var sts: Node[] = [], last: Node | undefined;
  for (; i < cases.length; i++) {
    sts = sts.concat(cases[i].consequent);
    last = sts[sts.length - 1];
    if (last && (last.type === "ReturnStatement" || last.type === "ThrowStatement" || writeStatement(last, a, p))) return sts;
  }
  return null;
}
