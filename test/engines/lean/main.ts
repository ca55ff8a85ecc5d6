// A program that never calls then() and has no try block around an await:
// its device bundle leaves both out (src/core/features.ts), and what is left
// must print what the scenarios' engines print for it. Errors are read with
// result() in plain functions, whose try blocks are no try regions.
import { createTask, run, setExceptionHandler, sleepMs } from "ristretto";
import type { Task } from "ristretto";
import { every } from "ristretto/io";

// Built-in errors as "Error: message" on every engine (mujs's String(e) adds a stack).
function text(x: unknown): string {
  return x instanceof Error ? "Error: " + x.message : String(x);
}

function print(...parts: unknown[]) {
  console.log(parts.map(text).join(" "));
}

function outcome(t: Task<unknown>): string {
  try {
    return "returned " + t.result();
  } catch (e) {
    return "raised " + text(e);
  }
}

async function twice(x: number) {
  await sleepMs(1);
  return x * 2;
}

async function boom(ms: number): Promise<never> {
  await sleepMs(ms);
  throw new Error("boom");
}

// An async function returning an awaitable adopts it, which no then() of
// ours is needed for: a sleep, a coroutine, a task.
async function adoption() {
  print("# adoption");
  var t0 = Date.now();
  await (async function (): Promise<void> {
    return sleepMs(30) as Promise<void>;
  })();
  print("a returned sleep was awaited:", Date.now() - t0 >= 30);
  print("a returned coroutine:", await (async () => twice(21))());
  print("a returned task:", await (async () => createTask(twice(5)))());
}

// Jumps across awaits (continue, break) with no try region to route them through.
async function jumps() {
  print("# jumps");
  var seen: number[] = [];
  for (var i = 0; i < 10; i++) {
    if (i % 2) continue;
    await sleepMs(0);
    if (i > 6) break;
    seen.push(i);
  }
  print("even below 7:", seen.join(","));
  // A labelled break out of a loop of its own: the one jump the lowering leaves to the driver (JUMPS).
  var found = -1;
  search: for (var row = 0; row < 5; row++) {
    await sleepMs(0);
    for (var col = 0; col < 5; col++) {
      if (row * col === 6) {
        found = row * 10 + col;
        break search;
      }
    }
  }
  print("first row and column whose product is 6:", found);
}

// every() awaits what its function returns when that is awaitable: a coroutine here.
async function ticks() {
  print("# every");
  var t0 = Date.now();
  var ticking = createTask(
    every(10, async function (i) {
      await sleepMs(3);
      print("tick", i, "at", Date.now() - t0);
    }),
  );
  await sleepMs(25);
  ticking.cancel();
}

async function failures() {
  print("# failures");
  setExceptionHandler(function (ctx) {
    print("handler:", ctx.message + ":", ctx.exception);
  });
  createTask(boom(1));
  var failed = createTask(boom(2));
  var awaiter = createTask(
    (async () => {
      await failed;
      print("not printed");
    })(),
  );
  var sleeper = createTask(
    (async () => {
      await sleepMs(1000);
    })(),
  );
  await sleepMs(5);
  print("cancel:", sleeper.cancel());
  await sleepMs(1);
  print("awaiter:", outcome(awaiter));
  print("sleeper:", outcome(sleeper));
}

run(async function () {
  await adoption();
  await jumps();
  await ticks();
  await failures();
  print("# end at", Date.now());
});
