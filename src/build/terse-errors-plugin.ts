// Device builds keep a misuse error's stable code and drop its long message:
// `new UsageError("E_X", "...")` becomes `new UsageError("E_X")`, whose
// message is then undefined (its toString prints the name and the code). The
// messages are most of the scheduler's bytes, and bytes of program text are
// RAM on Espruino; the README lists every code with its meaning. Host only.

import MagicString from "magic-string";
import type { Plugin } from "rollup";
import { eachNode } from "./lower";
import type { Node } from "./lower";

export function terseErrorsPlugin(): Plugin {
  return {
    name: "ristretto-terse-errors",
    transform: function (code, id) {
      if (!/[\\/]src[\\/](core|sync|funcs|io|hal)[\\/]/.test(id) || code.indexOf("UsageError(") < 0) return null;
      var s = new MagicString(code);
      eachNode(this.parse(code) as unknown as Node, function (n) {
        if (n.type === "NewExpression" && n.callee.type === "Identifier" && n.callee.name === "UsageError" && n.arguments.length === 2) {
          s.remove(n.arguments[0].end, n.arguments[1].end);
        }
      });
      return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
    },
  };
}
