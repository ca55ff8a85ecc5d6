// The baseline "ristretto" for the benchmark: the same API names on the
// native Promise and setTimeout, for programs compiled with TypeScript's
// stock ES5 helpers. A coroutine there is a running Promise already.

export function createTask<T>(p: PromiseLike<T>): PromiseLike<T> {
  return p;
}

export function run<T>(main: () => PromiseLike<T>): PromiseLike<T> {
  return main();
}

export function sleepMs(ms: number): Promise<void> {
  // 0 yields with a resolved Promise, the cheapest native way.
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>(function (resolve) {
    setTimeout(resolve, ms);
  });
}

export function gather<T>(aws: PromiseLike<T>[]): Promise<T[]> {
  return Promise.all(aws);
}
