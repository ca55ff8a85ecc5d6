// Scenario programs for the engine tests: the scheduler's semantics, printed
// line by line. Built by the device build and run on Node, QuickJS, Duktape
// and mujs; every engine must print the same lines.
import {
  CancelledError,
  createTask,
  Event,
  gather,
  Lock,
  Queue,
  run,
  Semaphore,
  setExceptionHandler,
  sleepMs,
  taskGroup,
  ThreadSafeFlag,
  timeout,
  waitForMs,
} from "ristretto";

// Built-in errors as "Error: message" on every engine (mujs's text(e) adds a stack).
function text(x: unknown): string {
  return x instanceof Error ? "Error: " + x.message : String(x);
}

function print(...parts: unknown[]) {
  console.log(parts.map(text).join(" "));
}

async function worker(name: string, ms: number) {
  try {
    await sleepMs(ms);
    print(name, "done");
    return name;
  } catch (e) {
    print(name, "cancelled:", e instanceof CancelledError);
    throw e;
  } finally {
    print(name, "finally");
  }
}

async function failing(ms: number, message: string): Promise<never> {
  await sleepMs(ms);
  throw new Error(message);
}

async function raise(message: string): Promise<never> {
  throw new Error(message);
}

async function cancellation() {
  print("# cancellation");
  var t = createTask(worker("sleeper", 100));
  await sleepMs(10);
  print("cancel:", t.cancel(), "again:", t.cancel());
  try {
    await t;
  } catch (e) {
    print("awaiter got", text(e));
  }
  var never = createTask(worker("never started", 5));
  never.cancel();
  try {
    await never;
  } catch (e) {
    print("never started:", e instanceof CancelledError);
  }
  var inner = createTask(worker("inner", 100));
  var outer = createTask(
    (async () => {
      await inner;
    })(),
  );
  await sleepMs(1);
  outer.cancel();
  try {
    await outer;
  } catch (e) {
    print("outer cancelled, inner done:", inner.done());
  }
}

async function timeouts() {
  print("# timeouts");
  print("in time:", await waitForMs(worker("quick", 5), 50));
  try {
    await waitForMs(worker("slow", 500), 20);
  } catch (e) {
    print("waitForMs:", text(e));
  }
  try {
    await timeout(30, async () => {
      for (var i = 0; ; i++) {
        print("tick", i);
        await sleepMs(10);
      }
    });
  } catch (e) {
    print("timeout:", text(e));
  }
}

async function gathering() {
  print("# gather");
  print("results:", (await gather([worker("a", 30), worker("b", 10)])).join(","));
  try {
    await gather([worker("c", 30), failing(5, "boom")]);
  } catch (e) {
    print("gather raised", text(e));
  }
  await sleepMs(40);
  var mixed = await gather([failing(1, "x"), worker("d", 2)], { returnExceptions: true });
  print("with exceptions:", mixed.map(text).join(" | "));
}

async function groups() {
  print("# taskGroup");
  try {
    // Both fail in their first step: Trio's rule lets the second run up to
    // its first await after the first failed, so both errors come back.
    await taskGroup(async (tg) => {
      tg.createTask(raise("first"));
      tg.createTask(worker("g1", 50));
      tg.createTask(raise("second"));
    });
  } catch (e) {
    print(text(e));
  }
}

async function primitives() {
  print("# primitives");
  var lock = new Lock(), order: string[] = [];
  async function critical(name: string) {
    await lock.acquire();
    try {
      order.push(name + " in");
      await sleepMs(5);
      order.push(name + " out");
    } finally {
      lock.release();
    }
  }
  await gather([critical("x"), critical("y"), critical("z")]);
  print("lock:", order.join(", "));
  var q = new Queue<number>(2), got: number[] = [];
  var consumer = createTask(
    (async () => {
      for (var i = 0; i < 5; i++) got.push(await q.get());
    })(),
  );
  for (var i = 0; i < 5; i++) await q.put(i * i);
  await consumer;
  print("queue:", got.join(","));
  var ev = new Event(), woken: string[] = [];
  var waiters = [1, 2, 3].map((n) =>
    createTask(
      (async () => {
        await ev.wait();
        woken.push("w" + n);
      })(),
    ),
  );
  await sleepMs(1);
  ev.set();
  await gather(waiters);
  print("event woke:", woken.join(","));
  var flag = new ThreadSafeFlag();
  setTimeout(function () {
    flag.set(); // as an interrupt callback would
  }, 25);
  var t0 = Date.now();
  await flag.wait();
  print("flag after", Date.now() - t0, "ms");
  var sem = new Semaphore(2), inside = 0, most = 0;
  await gather(
    [1, 2, 3, 4].map(async () => {
      await sem.acquire();
      most = Math.max(most, ++inside);
      await sleepMs(3);
      inside--;
      sem.release();
    }),
  );
  print("semaphore most inside:", most);
}

async function exceptions() {
  print("# exceptions");
  setExceptionHandler(function (ctx) {
    print("handler:", ctx.message, text(ctx.exception));
  });
  createTask(failing(1, "lost?"), "orphan");
  await sleepMs(5);
  async function deep(n: number): Promise<number> {
    if (!n) {
      await sleepMs(1);
      throw new Error("from the bottom");
    }
    try {
      return 1 + (await deep(n - 1));
    } finally {
      if (n === 500) print("finally at 500");
    }
  }
  try {
    await deep(500);
  } catch (e) {
    print("deep:", text(e));
  }
  try {
    await (5 as any);
  } catch (e) {
    print("await 5:", (e as { code: string }).code);
  }
}

// then() and an async function returning an awaitable: the hand-written
// coroutine of src/core/chain.ts, which sets its own label on the device.
async function thenAndAdoption() {
  print("# then and adoption");
  print("then:", await (async () => 20)().then((v) => v + 1));
  print("then's catch:", await raise("no").then(undefined, (e) => "caught " + text(e)));
  async function later(ms: number): Promise<void> {
    return sleepMs(ms) as Promise<void>;
  }
  var t0 = Date.now();
  await later(30);
  print("a returned sleep was awaited:", Date.now() - t0 >= 30);
}

run(async function () {
  await cancellation();
  await timeouts();
  await gathering();
  await groups();
  await primitives();
  await exceptions();
  await thenAndAdoption();
  print("# end at", Date.now());
});
