// A size and speed rewrite of the device bundle's state machines, before
// terser: a body of one or two cases loses its switch. A body with one await
// has two, the start and the resume, `switch (_a._label) { case 0: A case 1:
// B }`; its label is 0 or 1 (the body alone writes it: no try region routes
// it), so `if (!_a._label) { A } B` does the same: A falls into B as before,
// and a resume skips A. terser makes that `return _a._label ? B : A` where
// both return: 27 B less a body, and one test a step where Espruino made one
// for each case it passed (the switch probe of npm run bench:espruino, whose
// tasks loop on `await sleepMs(0)`: 7% fewer instructions a task switch). A loop that resumes where it began, `for (;;) {
// led.toggle(); await sleepMs(p); }`, has one case: its label is always 0,
// so it needs no test, nor the write of 0 in each sleep. Not where a `break`
// leaves the switch (in a `for (;;)`, it would leave the loop). Host only.

import MagicString from "magic-string";
import { eachNodeBut, isFunction, isLoop, isMember, labelSwitch, ownState } from "./async-nodes";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** Rewrites, in `ast` (the text of `s`), each state machine of one or two cases without its switch; whether any was. */
export function ifSmallSwitches(s: MagicString, ast: Node): boolean {
  var changed = false;
  eachNode(ast, function (fn) {
    var m = labelSwitch(fn), sw: Node, cs: Node[], last: number, writes: Node[][] | null;
    if (!m || m.sw.cases.length > 2) return;
    sw = m.sw;
    cs = sw.cases;
    last = cs[cs.length - 1].test ? cs[cs.length - 1].test.value : -1;
    writes = labelWrites(fn, m.a, m.p);
    if (!cs[0].test || cs[0].test.value !== 0 || typeof last !== "number" || last < 0 || breaksOut(sw) || !writes) return;
    if (
      !writes.every(function (w) {
        return w[0].right.value === 0 || w[0].right.value === last;
      })
    ) return;
    // The switch's braces are the block's, which a for (;;) needs: `{ if (!_a._label) { A } B }`, or `{ A }`.
    s.overwrite(sw.start, start(cs[0]), cs.length > 1 ? "{ if (!" + m.a + "." + m.p + ") {" : "{");
    if (cs.length > 1) s.overwrite(cs[1].start, start(cs[1]), "}");
    // One case: the label is 0 throughout, and a suspension's write of it, `[8, ms, _a._label = 0]`, writes what it holds.
    else writes.forEach(function (w) {
      var arr = w[1];
      if (arr.type === "ArrayExpression" && arr.elements.length === 3 && arr.elements[2] === w[0]) s.remove(arr.elements[1].end, w[0].end);
    });
    changed = true;
  });
  return changed;
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
