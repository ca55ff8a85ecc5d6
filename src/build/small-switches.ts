// A size and speed rewrite of the device bundle's state machines, before
// terser: a state machine of one or two cases, or a counting loop's three,
// loses its switch. Espruino tests a switch's cases one by one and reads past
// the text of each it skips; an if tests once.
//
// - Two cases: a body with one await, `switch (_a._label) { case 0: A case
//   1: B }`. Its label is 0 or 1 (the body alone writes it: no try region
//   routes it), so `if (!_a._label) { A } B` does the same: A falls into B as
//   before, and a resume skips A. terser makes it `_a._label ? B : A` where
//   both return: 27 B less a body, and 7% fewer instructions a task switch in
//   the switch probe of npm run bench:espruino, whose tasks loop on `await
//   sleepMs(0)` (a body of two cases: its loop's test is copied into both).
// - One case: a loop that resumes where it began, `for (;;) {
//   led.toggle(); await sleepMs(p); }`. The body reads no label: no test.
//   Its writes of 0 write 1: a task group's cancel reads a ready task's
//   label 0 as not started yet, and lets it run to its first await
//   (cancelAtAwait(), task-group.ts), which would run a started one a step
//   further than the host does.
// - A counting loop that awaits: its step goes before its test (loopCases()).
//
// Not where a `break` leaves the switch (in a `for (;;)`, it would leave the
// loop), nor where a label is written that the rewrite would not find. Host only.

import MagicString from "magic-string";
import { eachNodeBut, isFunction, isLoop, isMember, labelSwitch, ownState } from "./async-nodes";
import { writesBeforeLeaving } from "./fallthrough-labels";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** Rewrites, in `ast` (the text of `s`), each state machine of one or two cases, or a loop's three, without its switch; whether any was. */
export function dropSmallSwitches(s: MagicString, ast: Node): boolean {
  var changed = false;
  eachNode(ast, function (fn) {
    var m = labelSwitch(fn), cs: Node[], writes: Node[][] | null, label: string;
    if (!m || m.sw.cases.length > 3) return;
    cs = m.sw.cases;
    writes = labelWrites(fn, m.a, m.p);
    label = m.a + "." + m.p;
    if (!writes || breaksOut(m.sw) || !cs.every((c, i) => c.test && typeof c.test.value === "number" && (i > 0 || c.test.value === 0))) return;
    if (cs.length === 3) return void (changed = loopCases(s, fn, m, writes) || changed);
    if (!writes.every((w) => w[0].right.value === 0 || w[0].right.value === cs[cs.length - 1].test.value)) return;
    // The switch's braces are the block's, which a for (;;) needs: `{ if (!_a._label) { A } B }`, or `{ A }`.
    s.overwrite(m.sw.start, start(cs[0]), cs.length > 1 ? "{ if (!" + label + ") {" : "{");
    if (cs.length > 1) s.overwrite(cs[1].start, start(cs[1]), "}");
    // One case: the body reads no label, but a task group's cancel does, for whether a task has started (0: not yet).
    else writes.forEach((w) => s.overwrite(w[0].right.start, w[0].right.end, "1"));
    changed = true;
  });
  return changed;
}

/**
 * A loop that awaits, `for (i = a; i < b; i++) { ...; await x; }`, lowered:
 * `for (;;) switch (L) { case 0: i = a; case 1: TEST_AND_BODY case 2: i++; {
 * L = 1; continue; } }`, with label 1 written nowhere else, and every step out
 * of cases 1 and 2 writing the label it resumes at. Case 2 runs
 * before case 1 each time it runs, so it goes before it, in an if:
 * `{ if (!L) { i = a; } else { i++; } TEST_AND_BODY }` (and the for (;;) goes
 * where nothing else continues it). Labels 0 and 2 remain; label 1 is gone.
 */
function loopCases(s: MagicString, fn: Node, m: { sw: Node; a: string; p: string }, writes: Node[][]): boolean {
  var sw = m.sw, label = m.a + "." + m.p;
  var c0 = sw.cases[0], head = sw.cases[1], step = sw.cases[2], jump = jumpAt(step.consequent), top = fn.body.body[0], sts0 = c0.consequent, pre = sts0[sts0.length - 1];
  var into = (w: Node[]) => w[0].right.value === head.test.value, continues = 0;
  if (top === sw || !jump || jump.to !== head.test.value || jump.at === step.consequent[0]) return false;
  // Label 1 may be written only by that jump, and by case 0 as it falls into case 1.
  if (writes.filter(into).some((w) => w[0] !== jump!.write && !(pre && pre.expression === w[0]))) return false;
  if (!writes.every((w) => into(w) || w[0].right.value === 0 || w[0].right.value === step.test.value)) return false;
  // Cases 1 and 2 never rely on the label they run with (the jump's write goes): each step out of them writes its own.
  if (!writesBeforeLeaving(head.consequent.concat(step.consequent.slice(0, step.consequent.indexOf(jump.at))), m.a, m.p)) return false;
  eachNodeBut(sw, (x) => isFunction(x) || isLoop(x), (x) => void (continues += x.type === "ContinueStatement" && !x.label ? 1 : 0));
  var from = step.consequent[0].start, to = step.consequent[step.consequent.indexOf(jump.at) - 1].end;
  s.overwrite(top.start, start(c0), (continues > 1 ? "for (;;) " : "") + "{ if (!" + label + ") {");
  if (pre && pre.expression && writes.some((w) => w[0] === pre.expression)) s.remove(pre.start, pre.end);
  s.overwrite(head.start, start(head), "} else {");
  s.move(from, to, start(head));
  s.appendLeft(to, " }");
  s.remove(step.start, from);
  s.remove(to, sw.end - 1);
  return true;
}

/** The jump that ends a case's statements, `{ L = N; continue; }` or `L = N; continue;`: its first statement, its write and N. */
function jumpAt(sts: Node[]): { at: Node; write: Node; to: number } | null {
  var last = sts[sts.length - 1], pair = last && last.type === "BlockStatement" ? last.body : sts.slice(-2), w = pair.length === 2 && pair[0].type === "ExpressionStatement" ? pair[0].expression : null;
  if (!w || w.type !== "AssignmentExpression" || pair[1].type !== "ContinueStatement" || pair[1].label) return null;
  return { at: last.type === "BlockStatement" ? last : pair[0], write: w, to: w.right.value };
}

/** Where a case's statements begin: its first, or its end when it has none. */
function start(c: Node): number {
  return c.consequent.length ? c.consequent[0].start : c.end;
}

/** Whether a `break` of `sw`'s cases leaves it: one outside a loop or switch of its own. */
function breaksOut(sw: Node): boolean {
  var found = false;
  sw.cases.forEach(function (c: Node) {
    eachNodeBut(
      c,
      function (x) {
        return isFunction(x) || isLoop(x) || x.type === "SwitchStatement";
      },
      function (x) {
        if (x.type === "BreakStatement" && !x.label) found = true;
      },
    );
  });
  return found;
}

/** Each write of the label in `fn` with its parent, `[write, parent]`; null if one writes other than a number (an unknown label would leave the switch with no case run). */
function labelWrites(fn: Node, a: string, p: string): Node[][] | null {
  var writes: Node[][] | null = [];
  eachNodeBut(fn.body, ownState(a), function (x, parent) {
    if (!writes || !((x.type === "AssignmentExpression" && isMember(x.left, a, p)) || (x.type === "UpdateExpression" && isMember(x.argument, a, p)))) return;
    if (x.operator === "=" && x.right.type === "Literal" && typeof x.right.value === "number") writes.push([x, parent!]);
    else writes = null;
  });
  return writes;
}
