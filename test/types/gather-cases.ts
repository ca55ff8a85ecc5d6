// Type cases for gather: compiled, never run (test/types/gather.test.ts).
// Each `Exactly<...>` line and each @ts-expect-error line fails to compile
// when gather's typing regresses to one result type for all awaitables.

import { createTask, gather, CancelledError, sleepMs } from "ristretto";
import type { Task } from "ristretto";

/** true when X and Y are the same type (not merely assignable). */
type Same<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
function exactly<X, Y>(_same: Same<X, Y>): void {}

async function aString(): Promise<string> {
  await sleepMs(1);
  return "a";
}
async function aNumber(): Promise<number> {
  return 1;
}

export async function cases(task: Task<boolean>, tasks: Task<number>[], flag: boolean): Promise<void> {
  // A tuple of mixed awaitables gives the tuple of their results.
  const [s, n] = await gather([aString(), aNumber()]);
  exactly<typeof s, string>(true);
  exactly<typeof n, number>(true);

  // Tasks, coroutines and foreign thenables mix.
  const mixed = await gather([task, createTask(aNumber()), Promise.resolve("native"), sleepMs(5)]);
  exactly<typeof mixed, [boolean, number, string, void]>(true);

  // An array (not a tuple) gives an array.
  exactly<typeof tasks, Task<number>[]>(true);
  const all = await gather(tasks);
  exactly<typeof all, number[]>(true);

  // No awaitables, no results.
  const none = await gather([]);
  exactly<typeof none, []>(true);

  // With returnExceptions each element is its result or the exception it raised.
  const [s2, n2] = await gather([aString(), aNumber()], { returnExceptions: true });
  exactly<typeof s2, string | Error>(true);
  exactly<typeof n2, number | Error>(true);
  if (typeof s2 === "string") exactly<typeof s2, string>(true);
  else exactly<typeof s2, Error>(true);
  if (n2 instanceof CancelledError) exactly<typeof n2, CancelledError>(true);

  // An option only known at run time may return exceptions: the safe type.
  const [s3] = await gather([aString()], { returnExceptions: flag });
  exactly<typeof s3, string | Error>(true);
  const [s4] = await gather([aString()], { returnExceptions: false });
  exactly<typeof s4, string>(true);

  // @ts-expect-error a string result is not a number
  const wrong: number = s;
  // @ts-expect-error an element may be an exception: narrow it first
  const unchecked: string = s2;
  // @ts-expect-error gather takes an array of awaitables, not one
  await gather(aString());
  // @ts-expect-error a plain value is not awaitable
  await gather([aString(), 5]);
  // @ts-expect-error the tuple has two elements
  const [, , third] = await gather([aString(), aNumber()]);
  void [wrong, unchecked, third];
}
