import { awaitableThen, promote } from "../core/create-task";
import { THEN } from "../core/features";
import { DONE } from "../core/task-states";
import type { Task } from "../core/task";
import { remove } from "../core/remove";

/** What shield() returns: awaiting it waits for the task without owning it. */
class Shielded<T> implements PromiseLike<T> {
  /** Tasks awaiting the shield. */
  _ws: Task<any>[] = [];
  _cb: (t: Task<T>) => void;

  declare then: PromiseLike<T>["then"];

  constructor(public _t: Task<T>) {
    var self = this;
    this._cb = function (t) {
      var ws = self._ws, i: number, err = t._error ? 1 : 0;
      self._ws = [];
      if (ws.length && err) t._error = 2;
      for (i = 0; i < ws.length; i++) ws[i]._wake(self, t._value, err);
    };
  }

  _aw(w: Task<any>): boolean {
    var t = this._t;
    if (t._state === DONE) return t._aw(w);
    if (!this._ws.length) t._onDone(this._cb);
    this._ws.push(w);
    w._park(this);
    return true;
  }

  /** A cancelled awaiter stops waiting; the task goes on. */
  _cancel(w: Task<any>): void {
    remove(this._ws, w);
    if (!this._ws.length) this._t._cancel(this._cb); // its exception, if any, then reaches the handler
  }
}

if (THEN) Shielded.prototype.then = awaitableThen;

/**
 * Protects `aw` from cancellation: cancelling the task that awaits the shield
 * raises CancelledError there, while `aw` (made a task) runs on.
 */
export function shield<T>(aw: PromiseLike<T>): PromiseLike<T> {
  return new Shielded<T>(promote(aw));
}
