// Interop with Promise-minded code: the small hand-written coroutine that
// then() and promote() are made of, whose body an async function that
// returns a promise takes on to adopt it, and awaiting a foreign thenable (a
// native Promise).

import { Coroutine, OP_AWAIT, OP_RETURN } from "./coroutine";
import type { Body, Instruction } from "./coroutine";
import { DEV } from "./dev";
import { THEN } from "./features";
import type { Task } from "./task";

/**
 * A hand-written coroutine: awaits `aw`, then passes its outcome through
 * `ok` or `no` when given (then()); an awaitable they return is adopted, as
 * Promise.then does.
 */
export function chain(aw: unknown, ok?: ((v: any) => unknown) | null, no?: ((e: any) => unknown) | null): Coroutine {
  return new Coroutine(chainBody(aw, ok, no));
}

/** chain()'s body; also the body a coroutine that returned `aw` takes to adopt it (task.ts). */
export function chainBody(aw: unknown, ok?: ((v: any) => unknown) | null, no?: ((e: any) => unknown) | null): Body {
  return function (c, v): Instruction {
    if (!c.label) {
      // With `no`, the await is a try region (labels 0-3) whose catch is label 2.
      if (THEN && no) c.trys = [[0, 2, undefined, 3]];
      if (!DEV) c.label = 1; // resumes at 1; on the host the driver counts it, as for TypeScript's bodies
      return [OP_AWAIT, aw];
    }
    if (THEN) {
      // ok and no come from then() alone
      if (c.label > 1) return [OP_RETURN, no!(v)];
      if (no) c.trys.pop(); // what `ok` raises is not `no`'s
      if (ok) v = ok(v);
    }
    return [OP_RETURN, v];
  };
}

/**
 * Awaiting a native Promise or any other foreign thenable (one whose `then`
 * is a function): the task parks (true) until its callbacks resume it. Task._steps
 * raises E_NOT_AWAITABLE for anything else with no _aw (and for a thenable
 * too, in a bundle whose code cannot make one: FOREIGN).
 */
export function awaitThenable(task: Task<any>, th: PromiseLike<unknown>): true {
  var token = {}; // what the task is parked on; a settlement after a cancel finds it gone
  task._park(token);
  try {
    th.then(
      function (v: unknown) {
        task._wake(token, v, 0);
      },
      function (e: unknown) {
        task._wake(token, e, 1);
      },
    );
  } catch (e) {
    task._wake(token, e, 1); // raised at the await, as a rejection; nothing if then() settled first, as with a Promise
  }
  return true;
}
