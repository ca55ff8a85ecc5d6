// flash --monitor: the console stays on the connection the flash used, as the
// Espruino IDE does, so nothing the new program prints is lost between the
// upload and the console. What the board sends is kept from the moment the
// step that runs the program is sent; the tools' answer to that step is cut
// off it, and the rest goes to the console first. Host only.

import type { EspruinoLink } from "./espruino-link";
import type { Link } from "./transport";

/** The part of the text after the tools' answer framing, "< <<" ... ">> >" (EspruinoTools' executeExpression), and its line end. */
function afterAnswer(text: string): string {
  var start = text.indexOf("< <<"), end = start >= 0 ? text.indexOf(">> >", start) : -1;
  return end >= 0 ? text.slice(end + 4).replace(/^\r?\n/, "") : text;
}

export interface ProgramOutput {
  /** Call just before the step that runs the program is sent: keeping starts here. */
  start(): void;
  /** The connection as a Link for the console; what was kept comes first to its onData. */
  link(): Link;
}

/** Keeps what `link` receives from start() on, for the console that takes the link over. */
export function keepProgramOutput(link: EspruinoLink, port: string): ProgramOutput {
  var kept: string | undefined, forward: ((text: string) => void) | undefined, closing = false;
  link.onData(function (text) {
    if (forward) forward(text);
    else if (kept !== undefined) kept += text;
  });
  return {
    start: function () {
      kept = "";
    },
    link: function (): Link {
      return {
        description: port,
        write: function (d) {
          link.write(typeof d === "string" ? d : d.toString("latin1"));
        },
        onData: function (f) {
          var first = afterAnswer(kept || "");
          kept = undefined;
          forward = function (text) {
            f(Buffer.from(text, "latin1"));
          };
          if (first) forward(first);
        },
        onClose: function (f) {
          link.onClose(function () {
            f(closing ? undefined : new Error("The connection to " + port + " closed"));
          });
        },
        close: function () {
          closing = true;
          return link.close();
        },
      };
    },
  };
}
