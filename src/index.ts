// ristretto: async TypeScript on microcontrollers, the uasyncio way.
// What the runtimes give the scheduler, for a project that imports the package:
/// <reference path="./core/runtime.d.ts" />

export { run, setExceptionHandler } from "./core/run";
export { Task } from "./core/task";
export { createTask, currentTask } from "./core/create-task";
export { sleep, sleepMs, checkpoint } from "./core/sleep";
export { CancelledError, TimeoutError, UsageError } from "./core/errors";
export type { ExceptionContext, ExceptionHandler } from "./core/loop";
export { gather } from "./funcs/gather";
export type { GatherOptions, GatherResults, GatherResultsOrErrors } from "./funcs/gather";
export { waitFor, waitForMs } from "./funcs/wait-for";
export { shield } from "./funcs/shield";
export { timeout } from "./funcs/timeout";
export { taskGroup, TaskGroup, TaskGroupError } from "./funcs/task-group";
export { Event } from "./sync/event";
export { ThreadSafeFlag } from "./sync/thread-safe-flag";
export { Lock } from "./sync/lock";
export { Semaphore } from "./sync/semaphore";
export { BoundedSemaphore } from "./sync/bounded-semaphore";
export { Queue, QueueEmpty, QueueFull } from "./sync/queue";
