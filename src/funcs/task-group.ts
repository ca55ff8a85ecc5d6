import { Coroutine, OP_AWAIT, OP_ERROR, OP_RETURN } from "../core/coroutine";
import type { Instruction } from "../core/coroutine";
import { hooks } from "../core/debug";
import { DEV } from "../core/dev";
import { suspend } from "../core/awaiting";
import { CancelledError, UsageError, errorText, errorToString } from "../core/errors";
import { READY } from "../core/task-states";
import { createTask, currentTask } from "../core/create-task";
import { deviceLoop } from "../core/loop";
import type { DoneCallback, Task } from "../core/task";
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

/** The handle a taskGroup body gets to start tasks in the group; also the state of the group's own coroutine (grouping(), below). */
export class TaskGroup {
  _errors: unknown[] = [];
  /** 0 in the body, 1 waiting for the tasks, 2 finished. */
  _phase = 0;
  /** Set once a task failed or the group was cancelled (undefined, falsy, until then). */
  declare _aborting?: boolean;
  /** The group cancelled the parent's body because a task failed. */
  declare _cancelledParent?: boolean;
  /** The group's tasks still running: each leaves as it finishes. */
  _children: Task<any>[] = [];
  /** What each task calls when it ends. */
  _onDone: DoneCallback;
  /** The task that runs the group, from its first step. */
  declare _parent: Task<any>;
  /** The body's result; the CancelledError the group raises once its tasks are done; the body's own exception, in a list of one. */
  declare _result: unknown;
  declare _cancelled?: unknown;
  declare _bodyError?: unknown[];

  constructor(public _body: (tg: TaskGroup) => PromiseLike<unknown>) {
    var self = this;
    this._onDone = function (t) {
      remove(self._children, t);
      if (t._error && !(t._value instanceof CancelledError)) {
        self._errors.push(t._value);
        if (!self._aborting) self._abort();
      }
      if (!self._children.length) self._parent._wake(self, undefined, 0);
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

/**
 * Structured concurrency (Python's TaskGroup, Trio's nursery): runs `body`,
 * which starts tasks with `tg.createTask`, then waits for all of them. The
 * first failure cancels the others and the body, waits for them, and raises
 * TaskGroupError with every error. Cancelling the caller cancels the group.
 *
 * A hand-written coroutine (as gather's): its state is the TaskGroup, its
 * state machine grouping(), one function of the bundle. As an async
 * function, its lowered state machine went into each caller's, with jumps
 * through the driver: 141 B more of the talk.
 */
export function taskGroup<R>(body: (tg: TaskGroup) => PromiseLike<R>): Promise<R> {
  var c = new Coroutine<R>(grouping as (c: any, v: unknown) => Instruction) as Group;
  c._g = new TaskGroup(body);
  if (DEV && hooks.coroutineCreated) hooks.coroutineCreated(c);
  return c as unknown as Promise<R>;
}

interface Group extends Coroutine<unknown> {
  _g: TaskGroup;
}

/**
 * The state machine. Every await is in one try region whose catch is label
 * 2: label 0 runs the body, 1 resumes from an await with its value, 2 with
 * what was raised there (by the body; while the group waits for its tasks,
 * the caller's cancellation).
 */
function grouping(c: Group, v: unknown): Instruction {
  var g = c._g;
  if (!c.label) {
    g._parent = currentTask();
    c._try([0, 2, 0, 3]); // no finally (0, as the lowering writes it)
    if (!DEV) c.label = 1; // resumes at 1; on the host the driver counts it, as for TypeScript's bodies
    return [OP_AWAIT, g._body(g)];
  }
  if (c.label > 1) {
    // Raised at an await: by the body, or, once it is over, the caller's cancellation (anything else goes on up).
    if (!(v instanceof CancelledError)) {
      if (g._phase) {
        c.trys.pop();
        return [OP_ERROR, v];
      }
      g._bodyError = [v];
    } else if (g._phase ? !g._aborting : !g._cancelledParent) g._cancelled = v;
    if (!g._aborting) g._abort();
  } else if (!g._phase) g._result = v;
  g._phase = 1;
  if (g._children.length) {
    c.label = DEV ? 0 : 1; // the next await's exception comes in at 2 too
    return [OP_AWAIT, suspend(g)];
  }
  g._phase = 2;
  c.trys.pop(); // what follows leaves the coroutine
  if (g._bodyError) g._errors.push(g._bodyError[0]);
  if (g._errors.length) return [OP_ERROR, new TaskGroupError(g._errors)];
  if (g._cancelled) return [OP_ERROR, g._cancelled];
  return [OP_RETURN, g._result];
}
