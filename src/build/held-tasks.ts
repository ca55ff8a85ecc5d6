// Whether a task the app makes can reach an await: AWAIT_TASK, in
// features-plugin.ts, is kept where it can. A task comes to the app from
// createTask(), currentTask() and a task group's createTask(); where each
// such call's task is dropped, or only has its methods called and its fields
// read (`counter.cancel()`, directly or through a variable that holds nothing
// else), no code awaits it: a task's methods give a boolean or its result,
// never the task. The talk's `var counter = createTask(coro); ...
// counter.cancel()` and button-led's two tasks are such. promote(), run()'s
// value, then() and ristretto's own waitFor and shield keep it by other
// rules. Host only.

import type { RenderedChunk } from "rollup";
import { eachMention, indexChunk } from "./chunk-index";
import type { ChunkIndex } from "./chunk-index";
import { keyOf, methodsOf, nameOf } from "./fresh-coroutines";
import type { Parsed } from "./fresh-coroutines";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

var CREATE_TASK = /[\\/]src[\\/]core[\\/]create-task\.(ts|js)$/;

/** Whether no task the app makes or finds can be awaited (see above); false where a module cannot be read. */
export function appAwaitsNoTask(chunk: RenderedChunk, modules: Parsed): boolean {
  if (modules.some((m) => !m.ast)) return false;
  var index = indexChunk(modules), methods = methodsOf(modules);
  var makers = ["createTask", "currentTask"].map((n) => nameOf(chunk, CREATE_TASK, n)).filter(Boolean);
  /** A call that gives a task: ristretto's createTask() or currentTask(), or a task group's createTask(). */
  function givesTask(n: Node): boolean {
    var c = n.type === "CallExpression" ? n.callee : null;
    if (c && c.type === "Identifier") return makers.indexOf(c.name) >= 0;
    return !!c && c.type === "MemberExpression" && keyOf(c) === "createTask" && !!methods.createTask && methods.createTask.every(index.mine);
  }
  return modules.every(function (m) {
    var ok = true;
    if (m.mine || m.id.charAt(0) === "\0") return true;
    eachNode(m.ast!, function (n, p) {
      if (n.type === "Identifier" && makers.indexOf(n.name) >= 0 && isReference(n, p) && !(p && p.type === "CallExpression" && p.callee === n)) ok = false; // passed on
      if (n.type === "MemberExpression" && keyOf(n) === "createTask" && !(p && p.type === "CallExpression" && p.callee === n)) ok = false; // tg.createTask passed on
      if (ok && givesTask(n) && !onlyItsMembers(n, index, givesTask, modules)) ok = false;
    });
    return ok;
  });
}

/** Whether a task `n` gives is dropped, or only has its members used, directly or through a variable that holds only tasks so made. */
function onlyItsMembers(n: Node, index: ChunkIndex, givesTask: (n: Node) => boolean, modules: Parsed): boolean {
  var p = index.parent(n), name = "", ok = true, scope: Node | null;
  if (p.type === "ExpressionStatement" || (p.type === "SequenceExpression" && p.expressions[p.expressions.length - 1] !== n)) return true;
  if (p.type === "MemberExpression" && p.object === n && !p.computed) return true;
  if (p.type === "VariableDeclarator" && p.init === n) name = p.id.name;
  if (p.type === "AssignmentExpression" && p.operator === "=" && p.right === n && p.left.type === "Identifier") name = p.left.name;
  if (!name) return false;
  scope = index.scopeOf(n, name);
  if (scope && scope.params.some((x: Node) => x.name === name)) return false; // a parameter: it holds what callers give
  eachMention(modules, scope, name, function (x) {
    var q = index.parent(x);
    if (q.type === "MemberExpression" && q.object === x && !q.computed) return; // counter.cancel()
    if (q.type === "VariableDeclarator" && q.id === x) return void (ok = ok && (!q.init || givesTask(q.init)));
    if (q.type === "AssignmentExpression" && q.left === x) return void (ok = ok && q.operator === "=" && givesTask(q.right));
    ok = false; // read as a whole: awaited, passed, returned, kept
  }, index.parent);
  return ok;
}
