// An Espruino bundle's first statement: E.setFlags({pretokenise:1}).
//
// Code uploaded to a board's REPL (the Web IDE's "Send to Espruino", a
// bundle typed or pasted in) lives in RAM as its text, and each function
// Espruino defines keeps a copy of its own text; so does each closure, at
// each creation (jsparse.c, jspeFunctionDefinitionInternal). With the flag
// set, Espruino stores that text as it would from pretokenised code
// (jslNewTokenisedStringFromLexer): each reserved word and operator one
// byte, no spaces. blink-many loads in about 25 fewer variables. Code run
// from Storage, as `ristretto flash` runs it, is read in place in flash and
// gains nothing (the statement costs it 2 variables). The flag is
// Espruino's own (E.getFlags() lists it; every build for a board with
// arrow functions has it) and stays set until the board restarts, for
// what is typed at the REPL afterwards too. First, so that it is set before
// any function of the bundle is defined. Host only.

import MagicString from "magic-string";
import type { Plugin } from "rollup";

export var SET_FLAGS = "E.setFlags({pretokenise:1});";

export function espruinoFlagsPlugin(): Plugin {
  return {
    name: "ristretto-espruino-flags",
    renderChunk: function (code) {
      var s = new MagicString(code).prepend(SET_FLAGS);
      return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
    },
  };
}
