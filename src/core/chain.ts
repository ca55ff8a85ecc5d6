// A hand-written frame that awaits one awaitable and passes its outcome
// through optional callbacks. Task.then() is built on it, and promote() uses
// it to give any awaitable a task of its own.

import { AWAIT, RETURN, THROW } from "./frame";
import type { Frame } from "./frame";
import type { Task } from "./task";

type Callback = ((v: any) => unknown) | null | undefined;

export class Chain implements Frame {
  declare _p?: Frame;
  /** 0 not started, 1 awaiting the source, 2 awaiting what a callback returned. */
  _n = 0;
  constructor(public _a: unknown, public _ok?: Callback, public _no?: Callback) {}

  _resume(v: unknown, err: number, task: Task<any>): number {
    var fn: Callback;
    if (this._n === 0 && !err) {
      this._n = 1;
      task._v = this._a;
      this._a = undefined;
      return AWAIT;
    }
    if (this._n === 1) {
      this._n = 2;
      fn = err ? this._no : this._ok;
      if (fn) {
        try {
          v = fn(v);
          err = 0;
        } catch (e) {
          v = e;
          err = 1;
        }
        if (!err && v != null && (typeof (v as any)._aw === "function" || typeof (v as any).then === "function")) {
          task._v = v; // adopt an awaitable result, as Promise.then does
          return AWAIT;
        }
      }
    }
    task._v = v;
    return err ? THROW : RETURN;
  }
}
