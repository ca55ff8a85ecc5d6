// A frame is one level of a task's explicit call stack: a coroutine (the state
// machine TypeScript emits for an async function) or a small hand-written
// frame (chain.ts). The driver in task.ts runs the top frame and never recurses:
// awaiting a coroutine pushes it, finishing pops it.

import type { Task } from "./task";

/** What `_resume` reports; the value itself is left in `task._v`. */
export var AWAIT = 0;
export var RETURN = 1;
export var THROW = 2;

export interface Frame {
  /** The frame that awaits this one in the same task, while this one runs. */
  _p?: Frame;
  /**
   * Runs the frame, resumed with `v` (thrown into it when `err` is 1), until
   * it awaits something (AWAIT), returns (RETURN) or throws (THROW).
   */
  _resume(v: unknown, err: number, task: Task): number;
}

/** Something the driver knows how to await without a Promise. */
export interface Waitable {
  /**
   * Called by the driver when `task` awaits this. Either parks the task
   * (somewhere that will wake it) and returns true, or leaves the outcome in
   * `task._v` / `task._e` and returns false to resume at once.
   */
  _aw(task: Task): boolean;
}
