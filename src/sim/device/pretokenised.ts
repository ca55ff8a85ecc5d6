// Pretokenised code on the virtual device, read as Espruino's lexer reads it
// (src/jslex.c): a Storage file that `ristretto flash` wrote
// (build/espruino-tokens.ts) runs as its script, and a stack line's position
// in it is the position in the file, as a board prints it. Host only.

import { expandTokens, FIRST_TOKEN, hasTokens, pretokenise, TOKENS } from "../../build/espruino-tokens";
import type { Tokenised } from "../../build/espruino-tokens";
import { stackFrame } from "../runtime/source-map";

/** A function's text, for the sandbox (espruino-globals.ts's eval): pretokenised code to its script. */
export function expanderText(): string {
  return "(function (code) { return (" + String(expandTokens) + ")(code, " + JSON.stringify(TOKENS) + ", " + FIRST_TOKEN + "); })";
}

/** The pretokenised files the device has run, by name. */
export class PretokenisedFiles {
  private files: { [name: string]: Tokenised | undefined } = {};

  /** The script to run for Storage file `name`, which holds `code`. */
  script(name: string, code: string): string {
    var s = hasTokens(code) ? expandTokens(code, TOKENS, FIRST_TOKEN) : code;
    try {
      this.files[name] = s === code ? undefined : pretokenise(s);
    } catch (e) {
      this.files[name] = undefined; // not ASCII: its positions stay the script's
    }
    return s;
  }

  /** A printed line, a position in a pretokenised file's script as the position in the file. */
  line(text: string): string {
    var f = stackFrame(text), t = f && f.line === 1 ? this.files[f.name] : undefined;
    return t ? text.replace(f!.name + ":1:" + f!.column, f!.name + ":1:" + (t.tokenisedIndex(f!.column - 1) + 1)) : text;
  }
}
