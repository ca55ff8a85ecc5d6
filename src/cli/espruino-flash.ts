// Writing a bundle to an Espruino board's Storage and running it from there
// (code loaded from Storage stays in flash: about half the RAM of code typed
// into the REPL). Two slots, so a flash never touches the program the board
// boots:
//
//   ristretto.a.js, ristretto.b.js   the bundles; .bootcde names the one that
//                                    runs at boot: eval(require("Storage").read("ristretto.a.js"))
//
//   1. reset()                       stops what runs, so no code is read from a file being rewritten
//   2. erase the slot .bootcde does not name, write the bundle there in
//      384-byte base64 lines, one round trip each (the progress bar counts them)
//   3. E.CRC32 of the file on the device must equal the host's, else the
//      slot is erased and the flash fails
//   4. without --save: load(slot) runs it once; the boot program is unchanged
//      with --save: .bootcde switches to the slot (one small write, read back),
//      then .varimg (a save()d RAM image, a second program) and the old slot
//      are erased, and load() boots as at power on
//
// A connection lost before step 4 leaves .bootcde and the slot it names as
// they were: the previous program runs at the next boot. Host only.

import zlib = require("zlib");
import type { DeviceEnv } from "./espruino-link";

/** What the flash needs of a connection (EspruinoLink). */
export interface EspruinoSession {
  eval(code: string): Promise<unknown>;
  write(text: string): void;
}

export var SLOTS = ["ristretto.a.js", "ristretto.b.js"];

/**
 * The oldest Espruino that can be flashed: 2v05 added E.CRC32 (the check)
 * and load(file) (running from Storage), ChangeLog of espruino/Espruino.
 * Bundles are checked against the dialect of 2v29 (espruino-dialect.md).
 */
export var MIN_VERSION = "2v05";

/** Bytes of the bundle per Storage.write line: a multiple of 3, so each base64 line stands alone (EspruinoTools uses 384). */
var CHUNK = 384;

/** "2v29.277" → [2, 29, 277]; undefined when it is not a version. */
export function parseVersion(v: string): number[] | undefined {
  var m = /^(\d+)v(\d+)(?:\.(\d+))?/.exec(v);
  return m ? [+m[1], +m[2], +(m[3] || 0)] : undefined;
}

/** An error naming the device's version and the minimum, or undefined when the version will do. */
export function versionProblem(env: DeviceEnv): string | undefined {
  var v = parseVersion(String(env.VERSION)), min = parseVersion(MIN_VERSION) as number[];
  if (v && (v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]))) return undefined;
  return "The board runs Espruino " + env.VERSION + "; ristretto needs " + MIN_VERSION + " or later (E.CRC32 and load(file)). Update its firmware: https://www.espruino.com/Firmware+Update";
}

/** zlib's CRC32, as E.CRC32 computes it, of a binary string. */
export function crc32(bytes: string): number {
  return zlib.crc32(Buffer.from(bytes, "latin1")) >>> 0;
}

function bootLine(slot: string): string {
  return "eval(require(\"Storage\").read(" + JSON.stringify(slot) + "))";
}

export interface FlashResult {
  /** The Storage file the bundle is in. */
  file: string;
  bytes: number;
  crc: number;
  saved: boolean;
}

/**
 * Flashes `code` (the bundle's text) through `s`. `progress` hears the bytes
 * written so far. Rejects with a message that says what the board runs now.
 */
export async function flashEspruino(s: EspruinoSession, code: string, options: { save?: boolean; progress?: (sent: number, total: number) => void }): Promise<FlashResult> {
  var bytes = Buffer.from(code, "utf8").toString("latin1"), total = bytes.length, crc = crc32(bytes);
  s.write("\x10reset();\n");
  var boot = (await s.eval("require(\"Storage\").read(\".bootcde\")")) as string | undefined;
  var slot = boot === bootLine(SLOTS[0]) ? SLOTS[1] : SLOTS[0], old = slot === SLOTS[0] ? SLOTS[1] : SLOTS[0];
  var free = (await s.eval("require(\"Storage\").erase(" + JSON.stringify(slot) + "),require(\"Storage\").getFree()")) as number;
  if (typeof free === "number" && free < total + 64) throw new Error("The board's Storage has " + free + " bytes free; the bundle needs " + total + ". Free some (require(\"Storage\").list() shows the files) and flash again");
  var file = JSON.stringify(slot);
  for (var at = 0; at < total; at += CHUNK) {
    var part = Buffer.from(bytes.slice(at, at + CHUNK), "latin1").toString("base64");
    var ok = await s.eval("require(\"Storage\").write(" + file + ",atob(\"" + part + "\")," + at + (at ? "" : "," + total) + ")");
    if (ok !== true) throw new Error("The board could not write " + slot + " at byte " + at + " (Storage.write gave " + JSON.stringify(ok) + "); its boot program is unchanged");
    if (options.progress) options.progress(Math.min(at + CHUNK, total), total);
  }
  var got = ((await s.eval("E.CRC32(require(\"Storage\").read(" + file + "))")) as number) >>> 0;
  if (got !== crc) {
    await s.eval("require(\"Storage\").erase(" + file + ")");
    throw new Error("The bundle on the board does not match: its CRC32 is " + hex(got) + ", the host's " + hex(crc) + ". The copy was erased and the boot program is unchanged; flash again");
  }
  if (!options.save) {
    await s.eval("load(" + file + ")");
    return { file: slot, bytes: total, crc: crc, saved: false };
  }
  var line = bootLine(slot);
  var back = await s.eval("require(\"Storage\").write(\".bootcde\"," + JSON.stringify(line) + "),require(\"Storage\").read(\".bootcde\")");
  if (back !== line) throw new Error("The board did not keep its new boot code: .bootcde reads " + JSON.stringify(back) + ", expected " + JSON.stringify(line));
  await s.eval("require(\"Storage\").erase(\".varimg\"),require(\"Storage\").erase(" + JSON.stringify(old) + ")");
  await s.eval("load()");
  return { file: slot, bytes: total, crc: crc, saved: true };
}

function hex(n: number): string {
  return "0x" + ("0000000" + n.toString(16)).slice(-8);
}
