// The globals a bundle built for the sim board needs: timers and the
// console. Its HAL (src/hal/sim.ts) is inside the bundle, pins and trace
// too, so the host sees none of them. Host only.

import { variablesBudget } from "./espruino";
import type { Runtime, RuntimeHost } from "./runtime";
import { SandboxFunction } from "./sandbox";
import { Timers } from "./timers";

function install(host: RuntimeHost) {
  var timers = new Timers(host.clock, function (last) {
    return last + 1;
  });
  function setTimer(args: unknown[], interval: boolean): number {
    var fn = args[0], ms = Number(args[1]);
    if (!(fn instanceof SandboxFunction)) throw new TypeError("The callback must be a function, got " + typeof fn);
    if (!(ms >= 0)) ms = 0;
    fn.keep();
    return timers.add(
      function () {
        host.invoke(fn as SandboxFunction, args.slice(2), interval ? "an interval callback" : "a timeout callback");
        return true;
      },
      ms,
      interval ? Math.max(1, ms) : 0,
      function () {
        (fn as SandboxFunction).release();
      },
    );
  }
  function clearTimer(args: unknown[]): void {
    timers.remove(args[0]);
  }
  return {
    functions: {
      setTimeout: function (args: unknown[]) {
        return setTimer(args, false);
      },
      setInterval: function (args: unknown[]) {
        return setTimer(args, true);
      },
      clearTimeout: clearTimer,
      clearInterval: clearTimer,
    },
    values: {},
    timers: timers,
  };
}

export var sim: Runtime = {
  name: "the simulator",
  install: install,
  uncaught: function (text) {
    return "Uncaught " + text;
  },
  budget: variablesBudget, // counted as on Espruino
};
