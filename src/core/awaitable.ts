// The base of ristretto's own awaitables that are neither coroutines nor
// tasks (sleeps, waits on primitives, shields): the driver awaits them through
// _aw; then() is for Promise-minded code and runs them in a task of their own.

import type { Waitable } from "./frame";
import { promote } from "./task";
import type { Task } from "./task";

export abstract class Awaitable<T> implements Waitable, PromiseLike<T> {
  abstract _aw(task: Task<any>): boolean;

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Task<A | B> {
    return promote<T>(this).then(onFulfilled, onRejected);
  }
}
