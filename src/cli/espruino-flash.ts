// Writing a bundle to an Espruino board's Storage and running it from there
// (code loaded from Storage stays in flash: about half the RAM of code typed
// into the REPL). Two slots, so a flash never touches the program the board
// boots:
//
//   ristretto.a.js, ristretto.b.js   the bundles; .bootcde names the one that
//                                    runs at boot: eval(require("Storage").read("ristretto.a.js"))
//
//   1. reset()                       stops what runs, so no code is read from a file being rewritten
//   2. erase the slot .bootcde does not name, write the bundle there,
//      pretokenised (espruino-tokens.ts: 22% fewer bytes, and Espruino reads
//      a token faster than its word), in 384-byte base64 lines, one round
//      trip each (the progress bar counts them)
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
import { pretokenise } from "../build/espruino-tokens";
import type { DeviceEnv } from "./espruino-link";

/** What the flash needs of a connection (EspruinoLink). */
export interface EspruinoSession {
  eval(code: string): Promise<unknown>;
  write(text: string): void;
}

export var SLOTS = ["ristretto.a.js", "ristretto.b.js"];

/**
 * The oldest Espruino that can be flashed: 2v05 added E.CRC32 (the check)
 * and load(file) (running from Storage), and reads pretokenised code with
 * today's token numbers (fixed since 2v00; jslex.h); 2v14 methods in object literals,
 * which the bundle has unless built with --es5 (shorthand.ts). ChangeLog of
 * espruino/Espruino. Bundles are checked against the dialect of 2v29
 * (espruino-dialect.md).
 */
export var MIN_VERSION = "2v05";
export var METHODS_VERSION = "2v14";

/** Bytes of the bundle per Storage.write line: a multiple of 3, so each base64 line stands alone (EspruinoTools uses 384). */
var CHUNK = 384;

/** "2v29.277" → [2, 29, 277]; undefined when it is not a version. */
export function parseVersion(v: string): number[] | undefined {
  var m = /^(\d+)v(\d+)(?:\.(\d+))?/.exec(v);
  return m ? [+m[1], +m[2], +(m[3] || 0)] : undefined;
}

/** Is version `v` ("2v29.277") at least `min` ("2v14")? False when it is not a version. */
function atLeast(v: string, min: string): boolean {
  var a = parseVersion(v), b = parseVersion(min) as number[];
  return !!a && (a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]));
}

/** An error naming the device's version and the minimum for the bundle (`es5`: built with --es5), or undefined when the version will do. */
export function versionProblem(env: DeviceEnv, es5?: boolean): string | undefined {
  var v = String(env.VERSION), update = "Update its firmware: https://www.espruino.com/Firmware+Update";
  if (!atLeast(v, MIN_VERSION)) return "The board runs Espruino " + v + "; ristretto needs " + MIN_VERSION + " or later (E.CRC32 and load(file)). " + update;
  if (es5 || atLeast(v, METHODS_VERSION)) return undefined;
  return "The board runs Espruino " + v + "; the bundle needs " + METHODS_VERSION + " or later (methods in object literals). " + update + ", or flash with --es5 (a bundle about 8% larger, which " + MIN_VERSION + " runs)";
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
 * Flashes `code` (the bundle's text) through `s`, pretokenised. `progress` hears the bytes
 * written so far. Rejects with a message that says what the board runs now.
 */
export async function flashEspruino(
  s: EspruinoSession,
  code: string,
  options: { save?: boolean; progress?: (sent: number, total: number) => void; say?: (line: string) => void; beforeRun?: () => void },
): Promise<FlashResult> {
  var bytes = pretokenise(code).code, total = bytes.length, crc = crc32(bytes);
  s.write("\x10reset();\n");
  var boot = (await s.eval("require(\"Storage\").read(\".bootcde\")")) as string | undefined;
  var slot = boot === bootLine(SLOTS[0]) ? SLOTS[1] : SLOTS[0], old = slot === SLOTS[0] ? SLOTS[1] : SLOTS[0];
  await makeRoom(s, slot, total, options.say);
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
    if (options.beforeRun) options.beforeRun();
    await s.eval("load(" + file + ")");
    return { file: slot, bytes: total, crc: crc, saved: false };
  }
  var line = bootLine(slot);
  var back = await s.eval("require(\"Storage\").write(\".bootcde\"," + JSON.stringify(line) + "),require(\"Storage\").read(\".bootcde\")");
  if (back !== line) throw new Error("The board did not keep its new boot code: .bootcde reads " + JSON.stringify(back) + ", expected " + JSON.stringify(line));
  await s.eval("require(\"Storage\").erase(\".varimg\"),require(\"Storage\").erase(" + JSON.stringify(old) + ")");
  if (options.beforeRun) options.beforeRun();
  await s.eval("load()");
  return { file: slot, bytes: total, crc: crc, saved: true };
}

/** The Storage a file of `bytes` needs: its size, its 32-byte header (jsflash.c) and slack for rounding. */
function room(bytes: number): number {
  return bytes + 64;
}

/**
 * Erases `slot` and sees that the bundle fits. Erased and replaced files stay
 * in flash as trash until compaction: when the free space is too small but
 * the trash would make room, compacts and says so; when the board is truly
 * full, the error lists the files with their sizes.
 */
async function makeRoom(s: EspruinoSession, slot: string, total: number, say?: (line: string) => void): Promise<void> {
  var st = (await s.eval("(function(S){S.erase(" + JSON.stringify(slot) + ");return S.getStats?S.getStats():{freeBytes:S.getFree(),trashBytes:0}})(require(\"Storage\"))")) as { freeBytes?: number; trashBytes?: number } | undefined;
  if (!st || typeof st.freeBytes !== "number" || st.freeBytes >= room(total)) return;
  var trash = st.trashBytes || 0;
  if (st.freeBytes + trash >= room(total)) {
    await s.eval("require(\"Storage\").compact()");
    if (say) say("Compacted the board's Storage: " + st.freeBytes + " bytes were free, " + trash + " more held by erased files; the bundle needs " + total + ".");
    return;
  }
  var files = (await s.eval("require(\"Storage\").list().map(function(f){return [f,require(\"Storage\").read(f).length]})")) as [string, number][];
  var list = (files || []).map(function (f) {
    return f[0] + " " + f[1];
  });
  throw new Error(
    "The board's Storage is full: " + st.freeBytes + " bytes free" + (trash ? " and " + trash + " held by erased files (require(\"Storage\").compact() frees those)" : "") + ", and the bundle needs " + total + ". Its files (bytes): " + (list.join(", ") || "none") +
      ". Erase some (require(\"Storage\").erase(name)), or all with require(\"Storage\").eraseAll(), and flash again; the boot program is unchanged",
  );
}

function hex(n: number): string {
  return "0x" + ("0000000" + n.toString(16)).slice(-8);
}
