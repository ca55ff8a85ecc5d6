// Runs async-constants.ts on each module the async lowering rewrote (after
// async-plugin.ts). Host only.

import type { Plugin } from "rollup";
import { SLEEP, hoistInstructions, instructionModule } from "./async-constants";
import type { Node } from "./lower";

export function asyncConstantsPlugin(): Plugin {
  return {
    name: "ristretto-async-constants",
    resolveId: function (id) {
      return id.indexOf(SLEEP) === 0 ? id : null;
    },
    load: function (id) {
      return instructionModule(id);
    },
    transform: function (code) {
      if (code.indexOf("__generator") < 0) return null;
      return hoistInstructions(code, this.parse(code) as unknown as Node);
    },
  };
}
