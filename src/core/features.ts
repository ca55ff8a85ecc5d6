// What a program may use, decided per bundle (DESIGN.md decision 2: what a
// firmware does not use is not in its bundle). True on the host. The device
// build sets each flag to false when nothing in the program can reach what
// it guards (src/build/features-plugin.ts says how it decides), and the
// minifier then drops that code.

/** then() of ristretto's awaitables, which only Promise-minded code calls (and a native Promise adopting one). */
export var THEN = true;
/** Try regions in async functions: try/catch/finally around an await, and then()'s rejection handler. */
export var TRYS = true;
/** Finally blocks around an await: a try region's third label, and the instruction that ends the block. */
export var FINALLY = true;
/** A task's waiters, the tasks and callbacks told of its end: only where some code can reach a Task (createTask, currentTask, gather, ...). */
export var WAITERS = true;
/** Awaiting a task: only where code can hold one to await (the app reaching a task, then(), waitFor, shield), not where gather alone reaches them; also, where awaiting is kept, promote()'s taking a task as it is. */
export var AWAIT_TASK = true;
/** `return awaitable` in an async function adopting it, as JavaScript does: only where an app's async function returns a value, then() is kept, or a Queue hands out what the app put in. */
export var ADOPT = true;
/** Awaiting anything but a sleep (a lowered body's `[4, x]`): a program whose async functions only sleep runs each task's one body, and awaits nothing. */
export var AWAITS = true;
/** Cancelling a task: only where code but the task's own and gather's can call cancel() (gather cancels its tasks only when it is cancelled itself); also the loop's _cancel(), which timer.ts and waitFor use to clear a timer. */
export var CANCEL = true;
/** Jumps a lowered body leaves to the driver (`return [3, label]`: a labelled break out of a loop of its own). */
export var JUMPS = true;
/** Awaiting a thenable that is not ristretto's (a native Promise, or what a runtime's API returns): only where code outside ristretto could make one. */
export var FOREIGN = true;
/** run() given a coroutine to run rather than an async function to call: only where some call of run() passes something but a function (a literal, or one its module declares), or run is passed on; elsewhere the build calls the function where run() is called. */
export var MAIN_COROUTINE = true;
/** every()'s use of what its function returns (an awaitable it awaits, false to stop): only where some call may pass a function that returns a value. */
export var EVERY_RESULT = true;
/** gather()'s returnExceptions: only where some call of gather() may pass options. */
export var RETURN_EXCEPTIONS = true;
/** A coroutine's check that it was not awaited or given to a task before (E_REUSED_COROUTINE), and its label of -1 until then: only where some code may keep a coroutine past the place it was made (or then() or promote() is kept). */
export var REUSE_CHECK = true;
/** A sleep that is not a number above 0 written in the code: a yield (0 or less), Infinity, or a length computed at run time (the loop's and the driver's tests for them). */
export var YIELDS = true;
/** promote()'s tests and wrapping, for what gather, shield and waitFor are given where it may not be a coroutine made in the call, or run() where it may get a task or a thenable: elsewhere each gets fresh coroutines, which it gives to createTask(). */
export var PROMOTE = true;
