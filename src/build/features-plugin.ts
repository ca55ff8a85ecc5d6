// Sets the flags of src/core/features.ts for one bundle: a flag is false when
// nothing in the program can reach the code it guards, and terser then drops
// that code.
// - THEN, then() of ristretto's awaitables: kept when code outside
//   ristretto's own modules could call it, that is when it mentions `.then`,
//   `.catch` or `.finally` (or those names as strings), `Promise` (a native
//   Promise adopts an awaitable by calling its then()), or `require(` (a
//   module of the runtime could do either). Awaiting a native Promise needs
//   no then() of ours.
// - TRYS, try regions: kept when a lowered async function enters one
//   (`_try(`), or when then() is kept (its rejection handler is one).
// - ADOPT, `return awaitable` in an async function adopting it: kept when a
//   lowered body of the app may return an awaitable (`return [2, x]` where x
//   is not plain: a parameter, a property, a call of the program's;
//   plain-returns.ts), when then() is kept (its callbacks may return one),
//   or when the bundle has a Queue, whose get() returns what the app put in.
//   ristretto's other async functions return what they made or what an
//   await gave, never an awaitable: a task's result has been adopted
//   already, a Promise never settles with a thenable. The talk returns
//   literals, what awaits gave and an error list's length: 79 B.
// - FINALLY, finally blocks in those regions: kept when a lowered body
//   enters a region with a finally label (`_try([1, 3, 4, 5])`, not
//   `[1, 3, 0, 4]`) or ends a finally block (`[7 /*endfinally*/]`).
// - AWAITS, awaiting anything but a sleep: kept when a module but chain.ts
//   has an await instruction (`[4, x]`: a lowered body's await of a
//   coroutine, a task, an event, ...), or then(), adopting or a foreign
//   thenable is kept (each awaits through chain.ts). Without it a task runs
//   its one body, whose awaits are all sleeps (`[8, ms]`), and run()'s main
//   coroutine is the task's: awaiting a coroutine, E_REUSED_COROUTINE and
//   E_NOT_AWAITABLE go. Awaiting a task needs it too (AWAIT_TASK).
// - CANCEL, cancelling a task: kept when a module but the task's own and
//   gather's reads `.cancel` (or names "cancel"): the app, a task group,
//   timeout, waitFor. gather cancels its tasks only when the task gathering
//   them is cancelled, which takes a cancel() of some other code: without
//   one, cancel(), the gather's part and CancelledError go
//   (unused-methods.ts), and so does the loop's _cancel(), which takes a
//   sleeper off the timer list; timer.ts's callbacks (timeout, button) and
//   waitFor clear timers through it too, and keep it.
// - JUMPS, a lowered body's jump through the driver (`return [3, N]`, what
//   the async lowering could not turn into a `continue`: a labelled break out
//   of a loop of the body's own): kept when any module returns one.
// - WAITERS, awaiting a task and a task's waiters: kept when code can reach
//   a Task, that is when any module but those that make run()'s main task
//   calls createTask, currentTask or promote, or hears of a task's end
//   (`_onDone(`); when the app uses what run() returns; or when then() is
//   kept.
// - AWAIT_TASK, awaiting a task (which also passes a cancel on to it): kept
//   when the app can await a task it holds (a task from createTask() or
//   currentTask() used but to call its methods: held-tasks.ts), calls
//   promote or uses run()'s value, when then() is kept, or when the bundle
//   has one of ristretto's functions that awaits a task it made (waitFor,
//   shield: AWAITS_TASK lists them). gather and taskGroup hear of their
//   tasks' ends through callbacks and await none. Without it, awaiting a
//   task would raise E_NOT_AWAITABLE, and no code can reach one to await
//   (the talk 164 B, button-led 208 B).
// - FOREIGN, awaiting a thenable that is not ristretto's (a native Promise,
//   or what a runtime's API returns: Bangle.buzz(), NRF.connect()): kept
//   when then() is kept (the same words make a Promise), or when code outside
//   ristretto's own modules (and the board's, which it writes) refers to a
//   global that no module declares and that is not one of ES5's own or the
//   console, or cannot be read. Without it, awaiting such a thenable would
//   raise E_NOT_AWAITABLE; no code of the program can make one.
// - MAIN_COROUTINE, run() given a coroutine rather than a function to call:
//   kept when some call of run() outside ristretto's own modules passes
//   anything but a function (a literal, or a function its module declares and
//   never assigns), or run is passed on. Without it the build calls the main
//   function where run() is called, `run(function () {...}())`, as run()
//   would have first thing, and run() takes the coroutine as it is: terser
//   then inlines the function there, and its text is not kept in RAM twice,
//   once as the function's and once as its coroutine's (blink-many 30
//   variables fewer); nor does run() test what it was given.
// - PROMOTE, promote(): a task, a thenable or a coroutine made a task as it
//   needs: kept when a module but run.ts and create-task.ts calls it, and
//   for gather, shield and waitFor where some call may give them what was
//   not made in the call (fresh-coroutines.ts: `gather([blink(1), tick()])`,
//   where blink() returns every()'s coroutine and tick is async, needs
//   neither, nor does `waitForMs(gps.readline(), 2000)` where every
//   readline is an async method and FOREIGN and THEN are off; a gather then
//   has no case for a task that ended before it began), when
//   MAIN_COROUTINE is kept, or when some
//   run() is given a function that is not an async one (`run(() => main(1))`
//   could give a task). Without it, every run() is given an async function,
//   which the build has called (MAIN_COROUTINE off): run() gives its fresh
//   coroutine to createTask(), and promote()'s tests and wrapping go (blink,
//   serial-echo, led-walk, dimmer, button-led: 27-95 B; blink-many 116 B,
//   the talk 94 B; nmea 90 B, and the reuse check with it).
// - EVERY_RESULT, every() awaiting what its function returns, or stopping
//   when it returns false: kept unless every mention of every() outside its
//   own module is a call with a function that returns nothing. Kept for a
//   function that may return a value (an arrow with an expression for its
//   body; one with a `return x`, which an async function has once lowered),
//   for anything but a function (a literal, or one its module declares and
//   never assigns), and where every is passed on. Without it, every() calls
//   its function and sleeps (blink-many, led-walk, dimmer).
// - RETURN_EXCEPTIONS, gather()'s returnExceptions: kept where some mention
//   of gather() outside its module is not a call with one argument
//   (blink-many and the talk: 22 B).
// - REUSE_CHECK, a coroutine's check that it was not awaited or given to a
//   task before (E_REUSED_COROUTINE), and its label of -1 until then: kept
//   unless the app consumes each coroutine where it makes it
//   (consumed-coroutines.ts: `await port.readline()`, `createTask(tick())`,
//   `var co = tick(); createTask(co)`, `return tick()`, a task group's
//   body), or where then() or promote() is kept: both may be given one
//   coroutine twice, and promote() tells a fresh one by its label. Without
//   it no coroutine can be awaited twice, and each starts at the
//   prototype's label 0 (77 B: blink-many, led-walk, dimmer, the talk,
//   button-led, serial-echo).
// - YIELDS, a sleep that is not a number above 0 written in the code: a
//   yield (`sleepMs(0)`), `sleepMs(Infinity)`, or a length computed at run
//   time (every()'s, the uart's, `sleep(s + 1)`). Kept where an instruction
//   `[8, ms]` is left in a module (async-constants.ts made a module of each
//   number written in the code, whose id says it: kept for 0 or Infinity),
//   or where sleep.ts's Sleep class is in the bundle (sleepMs() not awaited
//   where it is called). Without it, the driver and the loop's _sleep() do
//   not test a sleep's length for a yield or Infinity (the talk and blink
//   65 B).
// The transform gives features.ts markers that rollup cannot evaluate (pure
// calls, which go with a flag no module reads); renderChunk writes true or
// false in their place, before terser. Host only.

import acorn = require("acorn");
import path = require("path");
import MagicString from "magic-string";
import type { Plugin, RenderedChunk } from "rollup";
import { SLEEP } from "./async-constants";
import { eachNodeBut, isFunction } from "./async-nodes";
import { appConsumesWhereMade } from "./consumed-coroutines";
import { appAwaitsNoTask } from "./held-tasks";
import { appReturnsPlain } from "./plain-returns";
import { isAsync, nameOf, onlyCalls, promotesOnlyFresh } from "./fresh-coroutines";
import type { Parsed } from "./fresh-coroutines";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

var FEATURES = /[\\/]src[\\/]core[\\/]features\.(ts|js)$/;
var CALLS_THEN = /\.\s*(then|catch|finally)\b|["'](then|catch|finally)["']|\bPromise\b|\brequire\s*\(/;
var ENTERS_TRY = /\.(_try\(|trys\.push\(|_?trys = \[)\[\d/; // a region literal: [try, catch, finally, end] (chain.ts's own is THEN's)
var HANDS_OUT = /[\\/]src[\\/]sync[\\/]queue\.(ts|js)$/; // ristretto's own that return a value the app gave
var HAS_FINALLY = /\.(_try\(|trys\.push\(|_?trys = \[)\[\s*\d+\s*,\s*(\d+|void 0|undefined)?\s*,\s*[1-9]|\[\s*7\s*(\/\*[^*]*\*\/\s*)?\]/; // a region's finally label, or an endfinally
var AWAIT = /\[\s*(4|OP_AWAIT)\s*(\/\*[^*]*\*\/\s*)?,/; // [4 /*await*/, x]
var SLEEP_OP = /\[\s*(8|OP_SLEEP)\s*(\/\*[^*]*\*\/\s*)?,/; // [8 /*yield*/, ms] that async-constants.ts left: not a number written in the code
var SLEEP_MODULE = /[\\/]src[\\/]core[\\/]sleep\.(ts|js)$/;
var CHAIN = /[\\/]src[\\/]core[\\/]chain\.(ts|js)$/; // awaits for then(), adopting and promote(), each counted
var CANCELS = /\.\s*cancel\b|["']cancel["']/;
var CLEARS_TIMERS = /[\\/]src[\\/](core[\\/]timer|funcs[\\/]wait-for)\.(ts|js)$/; // Loop._cancel() for a timer of their own
var CANCEL_CYCLE = /[\\/]src[\\/](core[\\/]task|funcs[\\/]gather)\.(ts|js)$/; // cancel() itself, and gather's, which only a cancel() reaches
var JUMPS_BACK = /\[\s*3\s*(\/\*[^*]*\*\/\s*)?,/; // [3 /*break*/, 4], as TypeScript writes it
var REACHES_TASK = /\b(createTask|currentTask|promote)(\$\d+)?\b|\._onDone\s*\(/; // called, or passed on to be called
var PROMOTES_OR_HEARS = /\bpromote(\$\d+)?\b|\._onDone\s*\(/; // what holds a task but createTask() and currentTask() (held-tasks.ts follows those)
// run()'s value used (not a statement of its own), or run itself passed on
var USES_RUN = /([=(,:?]|\breturn)\s*run(\$\d+)?\s*\(|(^|[^.\w$])run(\$\d+)?\b(?!\s*\()/m;
var RUN_MODULE = /[\\/]src[\\/]core[\\/]run\.(ts|js)$/;
var GATHER_MODULE = /[\\/]src[\\/]funcs[\\/]gather\.(ts|js)$/;
var EVERY_MODULE = /[\\/]src[\\/]io[\\/]every\.(ts|js)$/;
var COMMENT_LINE = /^\s*(\/\/|\/\*|\*).*$/gm; // a line of a comment: "then()" or "promote()" in prose is no call
var AWAITS_TASK = /[\\/]src[\\/]funcs[\\/](wait-for|shield)\.(ts|js)$/; // ristretto's own that await a task they made
var PROMOTES = /\bpromote(\$\d+)?\s*\(/; // called (by gather, shield and waitFor: fresh-coroutines.ts says when it matters)
var MAKES_TASKS = /[\\/]src[\\/]core[\\/](run|create-task)\.(ts|js)$/; // promote() itself, and run()'s own call
var PROMOTERS = /[\\/]src[\\/]funcs[\\/](gather|shield|wait-for)\.(ts|js)$/; // promote() on what they are given: fresh-coroutines.ts says what that is
var MAKE_MAIN_TASK = /[\\/]src[\\/]core[\\/](run|create-task|task)\.(ts|js)$/; // run() and the task itself
// Globals that never give a thenable: ES5's own, and the console
var ES5_GLOBALS = /^(Math|JSON|String|Number|Boolean|Array|Object|Date|RegExp|(Type|Syntax|Reference)?Error|parseInt|parseFloat|isNaN|isFinite|(en|de)codeURI(Component)?|console|undefined|NaN|Infinity|arguments)$/;

/** A module's code as a script, or undefined if it cannot be read so. */
function parseModule(code: string): Node | undefined {
  try {
    return acorn.parse(code, { ecmaVersion: 2020, sourceType: "script", allowReturnOutsideFunction: true }) as Node;
  } catch (e) {
    return undefined;
  }
}

/** The names a module declares (variables, functions, parameters, caught errors) and those it refers to. */
function namesOf(ast: Node): { declared: string[]; used: string[] } {
  var declared: string[] = [], used: string[] = [];
  eachNode(ast, function (n, parent) {
    if ((n.type === "VariableDeclarator" || /^Function/.test(n.type)) && n.id) declared.push(n.id.name);
    if (/^Function/.test(n.type)) n.params.forEach((p: Node) => declared.push(p.name));
    if (n.type === "CatchClause" && n.param) declared.push(n.param.name);
    if (n.type === "Identifier" && isReference(n, parent)) used.push(n.name);
  });
  return { declared: declared, used: used };
}

/** run()'s name in the chunk. */
function runNameOf(chunk: RenderedChunk): string {
  return nameOf(chunk, RUN_MODULE, "run");
}

/**
 * What each mention of `name` in a module gives it as argument `i`: the function, where it is called with one (a
 * literal, or a function the module declares and never assigns); null where it is given anything else, or passed on.
 */
function passed(ast: Node, name: string, i: number): (Node | null)[] {
  var fns: { [name: string]: Node | false } = Object.create(null), out: (Node | null)[] = [];
  eachNode(ast, function (n) {
    if (n.type === "FunctionDeclaration") fns[n.id.name] = n;
  });
  eachNode(ast, function (n) {
    if (n.type === "AssignmentExpression" && n.left.type === "Identifier") fns[n.left.name] = false; // after: an assignment anywhere wins
  });
  eachNode(ast, function (n, parent) {
    if (n.type !== "Identifier" || n.name !== name || !isReference(n, parent)) return;
    var a = parent && parent.type === "CallExpression" && parent.callee === n ? parent.arguments[i] : null;
    out.push((a && (/^(FunctionExpression|ArrowFunctionExpression)$/.test(a.type) ? a : a.type === "Identifier" && fns[a.name])) || null);
  });
  return out;
}

/**
 * What the calls of `run` in a module give it: `coroutine` where some call could pass a coroutine (an argument that is
 * not a function, or run passed on), `plain` where some call passes a function that is not an async one (lowered: its
 * last statement returns `__generator(...)`), whose value could be a task or a thenable.
 */
function runCalls(ast: Node, run: string): { coroutine: boolean; plain: boolean } {
  var fns = passed(ast, run, 0);
  return { coroutine: fns.indexOf(null) >= 0, plain: fns.some((fn) => !!fn && !isAsync(fn)) };
}

/** Whether a function may return a value: an arrow with an expression for its body, or a `return x` of its own. */
function returnsValue(fn: Node): boolean {
  var found = fn.body.type !== "BlockStatement";
  eachNodeBut(fn.body, isFunction, function (n) {
    if (n.type === "ReturnStatement" && n.argument) found = true;
  });
  return found;
}

/** The flags of src/core/features.ts. */
var FLAGS = ["THEN", "TRYS", "FINALLY", "WAITERS", "AWAIT_TASK", "ADOPT", "AWAITS", "CANCEL", "JUMPS", "FOREIGN", "MAIN_COROUTINE", "PROMOTE", "EVERY_RESULT", "RETURN_EXCEPTIONS", "REUSE_CHECK", "YIELDS"] as const;
export type Flags = { [F in (typeof FLAGS)[number]]: boolean };

/** The flags for a chunk: which features its code can reach. */
export function featuresOf(chunk: RenderedChunk, root: string): Flags {
  var own = path.join(root, "src") + path.sep, then = false, trys = false, fin = false, waiters = false, awaitTask = false, adopt = false, awaits = false, cancel = false, jumps = false, foreign = false, mainCoroutine = false, promote = false, everyResult = false, yields = false, gatherOptions: boolean, reuse: boolean;
  var declared: { [name: string]: boolean } = Object.create(null), used: string[] = [], parsed: Parsed = [], run = runNameOf(chunk), every = nameOf(chunk, EVERY_MODULE, "every"), gather = nameOf(chunk, GATHER_MODULE, "gather");
  Object.keys(chunk.modules).forEach(function (id) {
    var code = (chunk.modules[id].code || "").replace(COMMENT_LINE, ""), mine = id.indexOf(own) === 0, ast = parseModule(code), names = ast && namesOf(ast);
    parsed.push({ id: id, ast: ast, mine: mine });
    if (!mine && CALLS_THEN.test(code)) then = true;
    if (!CHAIN.test(id) && ENTERS_TRY.test(code)) trys = true;
    if (HAS_FINALLY.test(code)) fin = true;
    if (HANDS_OUT.test(id)) adopt = true;
    if (!CHAIN.test(id) && AWAIT.test(code)) awaits = true;
    // A sleep's length: a constant's module (async-constants.ts) says it; the Sleep class of sleep.ts, where sleepMs() is not awaited at once, may hold Infinity
    if (id.indexOf(SLEEP) === 0 ? !(+id.slice(SLEEP.length) > 0 && +id.slice(SLEEP.length) < Infinity) : SLEEP_OP.test(code) || (SLEEP_MODULE.test(id) && /_sleep\(/.test(code))) yields = true;
    if ((!CANCEL_CYCLE.test(id) && CANCELS.test(code)) || CLEARS_TIMERS.test(id)) cancel = true;
    if (JUMPS_BACK.test(code)) jumps = true;
    if ((!MAKE_MAIN_TASK.test(id) && REACHES_TASK.test(code)) || (!mine && USES_RUN.test(code))) waiters = true;
    if ((!mine && (PROMOTES_OR_HEARS.test(code) || USES_RUN.test(code))) || AWAITS_TASK.test(id)) awaitTask = true;
    if (!mine && id.charAt(0) !== "\0" && run) {
      var calls = ast ? runCalls(ast, run) : { coroutine: true, plain: true };
      if (calls.coroutine) mainCoroutine = true;
      if (calls.plain) promote = true;
    }
    if (every && !EVERY_MODULE.test(id) && (!ast || passed(ast, every, 1).some((fn) => !fn || returnsValue(fn)))) everyResult = true;
    if (!MAKES_TASKS.test(id) && !PROMOTERS.test(id) && PROMOTES.test(code)) promote = true;
    if (!names) foreign = true;
    else {
      names.declared.forEach((n) => (declared[n] = true));
      if (!mine && id.charAt(0) !== "\0") used = used.concat(names.used); // not the board's names either ("\0ristretto/board": its serial ports are the runtime's, e.g. Serial1)
    }
  });
  foreign = foreign || used.some((n) => !declared[n] && !ES5_GLOBALS.test(n));
  adopt = adopt || then || !appReturnsPlain(parsed, !foreign);
  awaitTask = awaitTask || !appAwaitsNoTask(chunk, parsed);
  awaits = awaits || then || adopt || foreign;
  promote = promote || mainCoroutine || !promotesOnlyFresh(chunk, parsed, !(foreign || then));
  gatherOptions = !!gather && !onlyCalls(parsed, (id) => !GATHER_MODULE.test(id), gather, (args) => args.length < 2);
  reuse = promote || then || !appConsumesWhereMade(chunk, parsed);
  return { THEN: then, TRYS: trys || then, FINALLY: fin, WAITERS: waiters || then, AWAIT_TASK: (awaitTask || then) && awaits, ADOPT: adopt || then, AWAITS: awaits, CANCEL: cancel, JUMPS: jumps, FOREIGN: foreign || then, MAIN_COROUTINE: mainCoroutine, PROMOTE: promote, EVERY_RESULT: everyResult, RETURN_EXCEPTIONS: gatherOptions, REUSE_CHECK: reuse, YIELDS: yields };
}

export function featuresPlugin(root: string): Plugin {
  return {
    name: "ristretto-features",
    transform: function (code, id) {
      if (!FEATURES.test(id)) return null;
      return { code: FLAGS.map((f) => "export var " + f + ' = /*#__PURE__*/ __feature("' + f + '");\n').join(""), map: { mappings: "" } };
    },
    renderChunk: function (code, chunk) {
      var flags = featuresOf(chunk, root) as { [name: string]: boolean }, s = new MagicString(code), m: RegExpExecArray | null, off: { [name: string]: boolean } = {};
      var marker = /([\w$]+)\s*=\s*(\/\*#__PURE__\*\/\s*)?__feature\("(\w+)"\)/g;
      while ((m = marker.exec(code))) {
        s.overwrite(m.index + m[0].search(/\/\*|__feature/), m.index + m[0].length, String(flags[m[3]]));
        if (!flags[m[3]]) off[m[1]] = true;
      }
      dropOffProperties(code, off, s);
      if (!flags.MAIN_COROUTINE) callMain(code, runNameOf(chunk), s);
      return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
    },
  };
}

/** `run(main)` becomes `run(main())`, at every call of ristretto's run(), named `run` in `code`. */
function callMain(code: string, run: string, s: MagicString): void {
  if (!run) return;
  eachNode(acorn.parse(code, { ecmaVersion: 2020 }) as Node, function (n) {
    if (n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === run && n.arguments.length) s.appendLeft(n.arguments[0].end, "()");
  });
}

/**
 * Leaves out each property of an object literal written `key: FLAG && value`
 * where FLAG is off (gather's token: `_cancel: CANCEL && function () {...}`),
 * where terser would keep `key: false` (and the flag's variable to say it):
 * read, it gives undefined for false, and ristretto's code only tests it.
 */
export function dropOffProperties(code: string, off: { [name: string]: boolean }, s: MagicString): void {
  if (!Object.keys(off).length) return;
  var objects: Node[] = [];
  eachNode(acorn.parse(code, { ecmaVersion: 2020 }) as Node, function (n) {
    if (n.type === "ObjectExpression") objects.push(n);
  });
  // Inner objects first, so that an outer one's kept text has their edits.
  objects.reverse().forEach(function (n) {
    var all: Node[] = n.properties;
    var kept = all.filter(function (p) {
      var v = p.value;
      return !(p.type === "Property" && v && v.type === "LogicalExpression" && v.operator === "&&" && v.left.type === "Identifier" && off[v.left.name]);
    });
    if (kept.length === all.length) return;
    var text = kept.map(function (p) {
      return s.slice(p.start, p.end);
    });
    s.overwrite(all[0].start, all[all.length - 1].end, text.join(", "));
  });
}
