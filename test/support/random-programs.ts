// Random async programs, the same for a seed, for the test that runs each on
// the host and as a device bundle (test/build/device-matches-host.test.ts),
// and for npm run test:espruino and test:jerryscript, which run some on
// Espruino and on JerryScript.
// A program is a module of async functions f0..fN, each calling only those
// after it, whose statements sleep, raise, return early, loop, catch,
// start, cancel and await tasks (twice, or by result()), gather coroutines
// and tasks, run task groups (one failing while another loops), time out,
// shield, return a coroutine to adopt, use then(), break out of labelled
// loops and switches, return from a finally block, and use an Event, a Lock,
// a Semaphore, a ThreadSafeFlag and a Queue. One program in four may have
// every kind of statement; the others some kinds only, chosen at random, so
// that their bundles leave out more of the scheduler (a program that
// catches nothing has no try regions, one that cancels nothing no
// cancel()). Every statement prints a tag of its own, so the two runs'
// lines show the order of what ran. Each wait that nothing may end is
// bounded by waitForMs(), and each task that loops forever is cancelled in
// a finally, so a program ends.

import fs = require("fs");
import path = require("path");

/** The seeds RISTRETTO_SEEDS names (`a-b`), else those of `fallback` (the same form). */
export function randomSeeds(fallback: string): number[] {
  var m = /^(\d+)-(\d+)$/.exec(process.env.RISTRETTO_SEEDS || fallback), out: number[] = [];
  for (var s = +m![1]; s <= +m![2]; s++) out.push(s);
  return out;
}

/**
 * Writes into `dir` each seed's program, p<seed>.ts, and its entry, e<seed>.ts, which prints "--- start", runs it and
 * prints "--- done"; and main.ts, which imports every entry, so that one compile for the host has them all.
 */
export function writeRandomApp(dir: string, seeds: number[]): void {
  seeds.forEach(function (s) {
    fs.writeFileSync(path.join(dir, "p" + s + ".ts"), randomProgram(s));
    fs.writeFileSync(path.join(dir, "e" + s + ".ts"), 'import { run } from "ristretto";\nimport { program } from "./p' + s + '";\nconsole.log("--- start");\nrun(async () => {\nawait program();\nconsole.log("--- done");\n});\n');
  });
  fs.writeFileSync(path.join(dir, "main.ts"), seeds.map((s) => 'import "./e' + s + '";').join("\n") + "\n");
}

/** mulberry32: a small seeded generator. */
function generator(seed: number): () => number {
  var a = seed | 0;
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    var t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The module text of program `seed`: it exports `program()`, an async function that runs it. */
export function randomProgram(seed: number): string {
  var rnd = generator(seed), n = 0, count = 3 + below(4), out: string[] = [], every = seed % 4 === 0, kept: { [kind: string]: boolean } = {};
  function below(k: number): number {
    return Math.floor(rnd() * k);
  }
  function pick<T>(a: T[]): T {
    return a[below(a.length)];
  }
  function callee(i: number): string {
    return i + 1 < count ? "f" + (i + 1 + below(count - i - 1)) + "()" : "";
  }
  function statements(i: number, depth: number, most: number, inLoop: boolean): string {
    var sts: string[] = [];
    for (var k = 1 + below(most); k > 0; k--) sts.push(statement(i, depth, inLoop));
    return sts.join("\n");
  }
  function statement(i: number, depth: number, inLoop: boolean): string {
    var id = JSON.stringify("f" + i + "." + n++), c = callee(i), c2 = callee(i), v = "v" + n, kinds = ["print", "sleep", "sleep", "raise", "return", "set", "wait", "put", "get", "spin", "group fails"];
    if (c) kinds.push("call", "call", "task", "gather", "gather exceptions", "group", "wait for", "shield");
    if (depth < 2) kinds.push("try", "try", "for", "loop", "lock", "inline");
    if (inLoop) kinds.push("break");
    if (c) kinds.push("adopt", "gather tasks", "await twice", "then", "timeout", "result");
    if (depth < 2) kinds.push("semaphore", "finally returns", "while", "do while", "labelled break", "switch");
    kinds.push("checkpoint", "flag");
    // One program in four may use every kind of statement; the others, some kinds only, have bundles with less in them.
    kinds = kinds.filter((k) => every || k === "print" || k === "sleep" || (kept[k] === undefined ? (kept[k] = rnd() < 0.3) : kept[k]));
    var caught = (what: string) => "try { print(" + id + ", " + what + "); } catch (e) { print(" + id + ", say(e)); }";
    switch (pick(kinds)) {
      case "print":
        return "print(" + id + ");";
      case "sleep":
        return "await sleepMs(" + pick([0, 0, 1, 2, 5]) + ");";
      case "raise":
        return "if (tick() % " + pick([2, 3, 5]) + " === 0) throw new Error(" + id + ");";
      case "return":
        return "if (tick() % " + pick([3, 5, 7]) + " === 0) return " + id + ";";
      case "break":
        return "if (tick() % 3 === 0) " + pick(["break", "continue"]) + ";";
      case "call":
        return "print(" + id + ", await " + c + ");";
      case "task":
        return "var " + v + ": Task<any> = createTask(" + c + ");\n" + (below(2) ? "await sleepMs(" + pick([0, 1, 3]) + ");\n" : "") + (below(2) ? v + ".cancel();" : caught("await " + v));
      case "gather":
        return "print(" + id + ", await gather([" + c + ", " + c2 + "]));";
      case "gather exceptions":
        return "print(" + id + ", (await gather([" + c + ", " + c2 + "], { returnExceptions: true })).map(say).join());";
      case "group":
        return "print(" + id + ", await taskGroup(async (tg) => {\ntg.createTask(" + c + ");\ntg.createTask(" + c2 + ");\n" + (below(2) ? statements(i, depth + 1, 2, false) + "\n" : "") + "return " + id + ";\n}));";
      case "group fails": {
        // A task that loops on sleepMs(0) keeps the clock where it is: the failure comes at 0 ms too.
        var spin = pick([0, 1, 2]), fail = spin ? pick([0, 1, 2]) : 0;
        return caught(
          "await taskGroup(async (tg) => {\nvar k = 0;\ntg.createTask((async () => {\nfor (;;) {\nprint(" + id + ", ++k);\nawait sleepMs(" + spin + ");\n}\n})());\n" +
            (c && spin ? "tg.createTask(" + c + ");\n" : "") + "tg.createTask((async () => {\nawait sleepMs(" + fail + ");\nthrow new Error(" + id + ");\n})());\n" +
            (below(2) ? "await sleepMs(" + pick([0, 1, 5]) + ");\n" : "") + "return 1;\n})",
        );
      }
      case "wait for":
        return caught("await waitForMs(" + c + ", " + pick([0, 1, 3, 10]) + ")");
      case "shield":
        return "print(" + id + ", await shield(" + c + "));";
      case "try":
        return "try {\n" + statements(i, depth + 1, 3, inLoop) + "\n} catch (e) {\nprint(" + id + ", say(e));\n" + (below(3) ? "" : "throw e;\n") + "}" +
          (below(2) ? " finally {\nprint(" + id + ', "finally");\n' + (below(2) ? "await sleepMs(" + pick([0, 1]) + ");\n" : "") + "}" : "");
      case "for":
        return "for (var i" + v + " = 0; i" + v + " < " + (1 + below(3)) + "; i" + v + "++) {\n" + statements(i, depth + 1, 3, true) + "\n}";
      case "loop":
        return "var " + v + " = 0;\nfor (;;) {\nprint(" + id + ", ++" + v + ");\nif (" + v + " >= " + (1 + below(4)) + ") break;\nawait sleepMs(" + pick([0, 1, 2]) + ");\n}";
      case "lock":
        return "await lock.acquire();\ntry {\nprint(" + id + ");\nawait sleepMs(" + pick([0, 1]) + ");\n" + (below(2) ? "if (tick() % 2 === 0) throw new Error(" + id + ");\n" : "") + "} finally {\nlock.release();\n}";
      case "inline":
        return "print(" + id + ", await (async () => {\n" + statements(i, depth + 1, 3, false) + "\nreturn " + id + ";\n})());";
      case "adopt": // an async function returning a coroutine adopts it: its caller gets what that returns
        return "if (tick() % 4 === 0) return " + c + ";";
      case "gather tasks":
        return caught("await gather([createTask(" + c + "), " + c2 + "])");
      case "await twice":
        return "var " + v + " = createTask(" + c + ");\n" + caught("await " + v) + "\n" + caught("await " + v);
      case "then":
        return caught("await " + c + '.then((x: unknown) => x + "!", (e: unknown) => "then " + say(e))');
      case "timeout":
        return caught("await timeout(" + pick([0, 1, 3, 10]) + ", () => " + c + ")");
      case "result":
        return "var " + v + " = createTask(" + c + ");\nawait sleepMs(" + pick([0, 1, 5]) + ");\n" + caught(v + ".done() ? " + v + '.result() : "pending"') + (below(2) ? "\n" + v + ".cancel();" : "");
      case "semaphore": // as the lock: nothing inside that could wait for a permit
        return "await sem.acquire();\ntry {\nprint(" + id + ", sem.locked());\nawait sleepMs(" + pick([0, 1]) + ");\n" + (below(2) ? "if (tick() % 2 === 0) throw new Error(" + id + ");\n" : "") + "} finally {\nsem.release();\n}";
      case "finally returns": // a return in a finally block replaces what the try returned or raised; with an await in the try, the lowering's (Espruino ignores a native one: finally-exits.ts)
        return "try {\nawait sleepMs(0);\n" + statements(i, depth + 1, 3, inLoop) + "\n} finally {\nprint(" + id + ");\nif (tick() % 2 === 0) return " + id + ";\n}";
      case "while": // at most 4 rounds (the body counts ticks too: tick() alone might never come round to 0)
        return "var " + v + " = 0;\nwhile (++" + v + " < 5 && tick() % 4 !== 0) {\n" + statements(i, depth + 1, 3, true) + "\n}";
      case "do while":
        return "var " + v + " = 0;\ndo {\n" + statements(i, depth + 1, 3, true) + "\n} while (++" + v + " < 3 && tick() % 3 !== 0);";
      case "labelled break": // with an await inside, lowered to jumps: a label left in the bundle fails the build (Espruino has none)
        return "outer" + v + ": for (var a" + v + " = 0; a" + v + " < 2; a" + v + "++) {\nfor (var b" + v + " = 0; b" + v + " < 2; b" + v + "++) {\nawait sleepMs(" + pick([0, 1]) + ");\n" + statements(i, depth + 1, 2, false) +
          "\nif (tick() % 3 === 0) " + pick(["break", "continue"]) + " outer" + v + ";\n}\n}";
      case "switch":
        return "switch (tick() % 3) {\ncase 0:\n" + statements(i, depth + 1, 2, false) + "\nbreak;\ncase 1:\n" + statements(i, depth + 1, 2, false) + "\ndefault:\n" + statements(i, depth + 1, 2, false) + "\n}";
      case "checkpoint":
        return "await checkpoint();";
      case "flag": // set by a task that is started here, waited for at most 3 ms (a second waiter is refused)
        return "createTask((async () => {\nawait sleepMs(" + pick([0, 1, 5]) + ");\nflag.set();\n})());\n" + caught("await waitForMs(flag.wait(), 3)");
      case "set":
        return below(3) ? "ev.set();" : "ev.clear();";
      case "wait":
        return caught("await waitForMs(ev.wait(), " + pick([0, 3]) + ")");
      case "put":
        return caught("await waitForMs(q.put(" + id + "), 2)");
      case "get":
        return caught("await waitForMs(q.get(), " + pick([1, 4]) + ")");
      default: // "spin": a task that loops until cancelled
        return "var " + v + " = 0, " + v + "t = createTask((async () => {\nfor (;;) {\nprint(" + id + ", ++" + v + ");\nawait sleepMs(" + pick([1, 2]) + ");\n}\n})());\ntry {\nawait sleepMs(" + pick([0, 1, 3, 5]) + ");\n} finally {\n" + v + "t.cancel();\n}";
    }
  }
  out.push(
    'import { checkpoint, createTask, Event, gather, Lock, Queue, Semaphore, shield, sleepMs, taskGroup, ThreadSafeFlag, timeout, waitForMs } from "ristretto";',
    'import type { Task } from "ristretto";',
    "var ev = new Event(), lock = new Lock(), q = new Queue<string>(2), sem = new Semaphore(2), flag = new ThreadSafeFlag(), ticks = 0;",
    "function tick(): number { return ++ticks; }",
    "function say(e: any): string { return e && e.code ? e.code : String(e); }",
    'function print(...a: unknown[]) { console.log(a.map(String).join(" ")); }',
  );
  for (var i = count - 1; i >= 0; i--) out.push("async function f" + i + "(): Promise<any> {\n" + statements(i, 0, 5, false) + '\nreturn "f' + i + ' end";\n}');
  out.push("export async function program() {\nfor (var k = 0; k < " + (1 + below(3)) + '; k++) {\ntry { print("end", await f0()); } catch (e) { print("end", say(e)); }\n}\n}');
  return out.join("\n");
}
