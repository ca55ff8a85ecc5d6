// A progress bar for uploads. On a terminal it redraws in place:
//
//   Uploading [##############----------------]  47%  4,608 of 9,757 bytes
//
// Piped, it prints the label once, then 25%, 50%, 75% and 100% as they pass,
// so a log shows the upload moved without a line per chunk. Host only.

import type { Io } from "./command";
import { fmt } from "./size-line";

var WIDTH = 30;

/** Gives the function to call with (done, total); it ends the line at 100%. */
export function progressBar(io: Io, label: string): (done: number, total: number) => void {
  var shown = -1;
  return function (done, total) {
    var pct = total ? Math.floor((done * 100) / total) : 100;
    if (io.tty) {
      var fill = Math.round((pct * WIDTH) / 100);
      io.out("\r" + label + " [" + new Array(fill + 1).join("#") + new Array(WIDTH - fill + 1).join("-") + "] " + ("  " + pct).slice(-3) + "%  " + fmt(done) + " of " + fmt(total) + " bytes" + (pct === 100 ? "\n" : ""));
      return;
    }
    var quarter = Math.floor(pct / 25);
    if (shown < 0) io.out(label + " " + fmt(total) + " bytes:");
    for (var q = Math.max(shown, 0) + 1; q <= quarter; q++) io.out(" " + q * 25 + "%");
    if (quarter === 4 && shown < 4) io.out("\n");
    shown = Math.max(shown, quarter, 0);
  };
}
