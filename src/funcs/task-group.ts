import { DEV } from "../core/dev";
import { owner, suspend } from "../core/awaiting";
import { CancelledError, UsageError, errorText, errorToString } from "../core/errors";
import { READY } from "../core/task-states";
import { createTask, currentTask } from "../core/create-task";
import { deviceLoop } from "../core/loop";
import type { Task } from "../core/task";
import { remove } from "../core/remove";

/** Raised by taskGroup when tasks of the group failed; holds every error. */
export class TaskGroupError {
  declare name: string;
  message: string;
  constructor(public errors: unknown[]) {
    this.message = "unhandled errors in a task group (" + errors.length + "): " + errors.map(errorText).join("; ");
  }
  declare toString: () => string;
}
TaskGroupError.prototype.name = "TaskGroupError";
TaskGroupError.prototype.toString = errorToString;

/**
 * Cancels `t` at its next await; a task that has not started yet first runs
 * up to its first await (Trio's rule: cancellation lands at a checkpoint).
 */
function cancelAtAwait(t: Task<any>): void {
  if (t._state === READY && !t._frame!.label) {
    // A one-off step queued behind the task: the loop calls _run() of what
    // its ready queue holds, so this cancels it right after its first step.
    (DEV ? t._loop : deviceLoop)._soon({
      _run: function () {
        t.cancel();
      },
    } as unknown as Task<any>);
  } else t.cancel();
}

/** The handle a taskGroup body gets to start tasks in the group. */
export class TaskGroup {
  _errors: unknown[] = [];
  /** 0 in the body (the prototype's), 1 waiting for the tasks, 2 finished. */
  declare _phase: number;
  /** Set once a task failed or the group was cancelled (undefined, falsy, until then). */
  declare _aborting?: boolean;
  /** The group cancelled the parent's body because a task failed. */
  declare _cancelledParent?: boolean;
  /** The group's tasks still running: each leaves as it finishes. */
  _children: Task<any>[] = [];
  _onDone: (t: Task<any>) => void;

  constructor(public _parent: Task<any>) {
    this._onDone = (t) => {
      remove(this._children, t);
      if (t._error && !(t._value instanceof CancelledError)) {
        this._errors.push(t._value);
        if (!this._aborting) this._abort();
      }
      if (!this._children.length) this._parent._wake(this, undefined, 0);
    };
  }

  /** Starts `coro` as a task of the group. Only while the group is open. */
  createTask<T>(coro: PromiseLike<T>, name?: string): Task<T> {
    if (this._phase === 2) {
      throw new UsageError("E_GROUP_CLOSED", "this task group has finished: start tasks inside its body");
    }
    if (this._aborting) {
      throw new UsageError("E_GROUP_ABORTING", "this task group is shutting down after a failure: no new tasks");
    }
    var t = createTask(coro, name);
    this._children.push(t);
    t._onDone(this._onDone);
    return t;
  }

  /** The taskGroup() parks on its group until no task of it is left. */
  _aw(t: Task<any>): boolean {
    t._park(this);
    return true;
  }

  _abort(): void {
    var cs = this._children.slice(), i: number;
    this._aborting = true;
    for (i = 0; i < cs.length; i++) cancelAtAwait(cs[i]);
    if (this._phase === 0 && this._parent !== (DEV ? this._parent._loop : deviceLoop)._current) {
      this._cancelledParent = true;
      this._parent.cancel();
    }
  }
}

TaskGroup.prototype._phase = 0; // a field fewer to write: 5 B
owner(TaskGroup);

/**
 * Structured concurrency (Python's TaskGroup, Trio's nursery): runs `body`,
 * which starts tasks with `tg.createTask`, then waits for all of them. The
 * first failure cancels the others and the body, waits for them, and raises
 * TaskGroupError with every error. Cancelling the caller cancels the group.
 */
export async function taskGroup<R>(body: (tg: TaskGroup) => PromiseLike<R>): Promise<R> {
  var tg = new TaskGroup(currentTask()), v: unknown, result: R | undefined, cancelled: unknown, bodyFailed: boolean | undefined, bodyError: unknown;
  do {
    // The body (phase 0), then a wait until no task is left (1): one await in one try region for both (two of each cost the talk 102 B).
    try {
      v = await (tg._phase ? suspend(tg) : body(tg));
      if (!tg._phase) result = v as R;
    } catch (e) {
      if (!(e instanceof CancelledError)) {
        if (tg._phase) throw e;
        bodyFailed = true;
        bodyError = e;
      } else if (tg._phase ? !tg._aborting : !tg._cancelledParent) cancelled = e; // the caller was cancelled, not by the group
      if (!tg._aborting) tg._abort();
    }
    tg._phase = 1;
  } while (tg._children.length);
  tg._phase = 2;
  if (bodyFailed) tg._errors.push(bodyError);
  if (tg._errors.length) throw new TaskGroupError(tg._errors);
  if (cancelled) throw cancelled;
  return result!;
}
