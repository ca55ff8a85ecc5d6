// Taking one item out of a list: what cancelling does to the list a task
// waits in (a loop's timers, a WaitList, a task's waiters). One function for
// every such list: a bundle with several keeps its text once. Device code.

/** Takes the first `x` out of `list`, if it is there; `list` may be undefined (none made yet). */
export function remove<T>(list: T[] | undefined, x: T): void {
  var i: number;
  if (list && (i = list.indexOf(x)) >= 0) list.splice(i, 1);
}
