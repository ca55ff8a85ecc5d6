// A task's states (task.ts says what each means), apart from the task so
// that the loop, which the task's driver calls, reads them without importing
// the task.

export var READY = 0, WAITING = 2, DONE = 3;
