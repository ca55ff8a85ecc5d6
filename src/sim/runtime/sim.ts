// The globals a bundle built for the sim board needs: Espruino's timers
// (espruino-timers.ts) and the console. Its HAL (src/hal/sim.ts) is inside
// the bundle, pins and trace too, so the host sees none of them. Host only.

import { variablesBudget } from "./espruino";
import { espruinoTimers } from "./espruino-timers";
import type { Runtime } from "./runtime";

export var sim: Runtime = {
  name: "the simulator",
  install: function (host) {
    var t = espruinoTimers(host);
    return { functions: t.globals, values: {}, timers: t.timers };
  },
  uncaught: function (text) {
    return "Uncaught " + text;
  },
  budget: variablesBudget, // counted as on Espruino
};
