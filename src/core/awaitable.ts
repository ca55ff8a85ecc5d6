// then() for ristretto's own awaitables that are neither coroutines nor tasks
// (sleeps, waits on primitives, shields): the driver awaits them through _aw;
// then() is for Promise-minded code and runs them in a task of their own.
// Shared by assignment, not inheritance, so a bundle needs no __extends.

import { promote } from "./task";
import type { Task } from "./task";

export function awaitableThen<T, A = T, B = never>(
  this: PromiseLike<T>,
  onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
  onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
): Task<A | B> {
  return promote<T>(this).then(onFulfilled, onRejected);
}
