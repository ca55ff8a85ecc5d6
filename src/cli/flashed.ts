// What was flashed where: `ristretto flash` notes, per port, the bundle it
// wrote, so that `ristretto monitor --port P` finds the source map that turns
// the board's "ristretto.a.js:1:1234" into a TypeScript line without being
// told. Kept in <out>/flashed.json beside the bundles. Host only.

import fs = require("fs");
import path = require("path");

export interface Flashed {
  /** The bundle's path, as flash wrote it (its .map is beside it). */
  bundle: string;
  board: string;
  /** The Storage file it went to on an Espruino board. */
  file?: string;
}

function recordFile(outDir: string): string {
  return path.join(outDir, "flashed.json");
}

function read(outDir: string): { [port: string]: Flashed } {
  try {
    var all = JSON.parse(fs.readFileSync(recordFile(outDir), "utf8"));
    return all && typeof all === "object" ? all : {};
  } catch (e) {
    return {}; // none yet, or unreadable: nothing is known
  }
}

export function recordFlash(outDir: string, port: string, what: Flashed): void {
  var all = read(outDir);
  all[port] = what;
  fs.writeFileSync(recordFile(outDir), JSON.stringify(all, null, 2) + "\n");
}

/** The last bundle flashed to `port` from this folder's `outDir`, if any. */
export function flashedTo(outDir: string, port: string): Flashed | undefined {
  return read(outDir)[port];
}
