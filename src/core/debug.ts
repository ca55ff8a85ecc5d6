// Hooks for host-side tooling (the test harness, the simulator). Device code
// leaves them unset; each costs one property read where it is consulted.

import type { Coroutine } from "./coroutine";

export var hooks: {
  /** Called with every coroutine as it is created (to report those never awaited). */
  coroutineCreated?: (c: Coroutine) => void;
} = {};
