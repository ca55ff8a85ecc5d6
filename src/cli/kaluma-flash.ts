// Flashing a Kaluma board, with Kaluma's own protocol (src/repl.c, the same
// steps as the official kaluma-cli): `.flash -w`, then the bundle by YMODEM
// (ymodem.ts), then `.load` runs it. Host only.
//
// Kaluma has ONE user-code area, and `.flash -w` erases all of it as soon as
// the transfer's header arrives (src/prog.c, km_prog_begin). So, unlike
// Espruino's two Storage slots, the program the board boots cannot stay in
// place while the new one is written. What ristretto does instead:
// - everything that can be found wrong is found before `.flash -w`: the REPL
//   answers, the firmware version, the board, the bundle fits the area;
// - it reads the previous program back first (`.flash -r`), and if the
//   upload or its check fails while the board is still connected, writes it
//   back: the board boots what it booted before;
// - a connection cut mid-upload cannot be repaired from here: the area then
//   holds the pages received and no closing NUL, which never parses, and
//   Kaluma parses the whole code before running any of it, so the board
//   boots to its REPL and runs nothing (never half a program). The next
//   flash wakes a board left waiting in the transfer (CAN CAN) and works.
// Without --save the new program runs now and the previous one is written
// back to boot (the runtime pauses while it is written: Kaluma's YMODEM
// receiver is a blocking loop); with --save the new one stays and boots.
//
// Verification is a read-back, not a checksum: Kaluma computes no checksum
// of its code area and its JavaScript cannot reach that area, but
// `.flash -s` gives the code's length and `.flash -r` prints it (each "\n"
// as "\r\n"), so the host compares every byte with its own.

import type { BoardProfile } from "../build/board-profile";
import type { Io } from "./command";
import { KalumaRepl } from "./kaluma-link";
import { stripAnsi } from "./terminal-text";
import { progressBar } from "./progress-bar";
import { fmt } from "./size-line";
import { openLink } from "./transport";
import type { Link } from "./transport";
import { YmodemSender } from "./ymodem";

/**
 * 1.0.0, the first release: since 1.0.0-beta.10 (commit e85b315, "append end
 * of string in user program") Kaluma ends the uploaded code with a NUL, and
 * `.flash -s` and `.flash -r`, which the check relies on, stop there; before,
 * they ran on into erased flash.
 */
export var KALUMA_MIN_VERSION = "1.0.0";

/** What `ristretto flash --help` can say of Kaluma boards (for flash.ts's USAGE). */
export var KALUMA_USAGE = [
  "Kaluma boards are flashed with Kaluma's own protocol: .flash -w, then the bundle by YMODEM, read back with",
  ".flash -r and compared byte for byte, then .load runs it. Kaluma has one code area, erased when an upload starts:",
  "ristretto reads the old program first and writes it back if the upload fails while the board is connected; a",
  "cable pulled mid-upload leaves a program that does not parse, so the board boots to its REPL and runs nothing.",
  "Without --save the old program is written back to boot once the new one runs; with --save the new one boots.",
].join("\n");

/** The REPL line that answers "version board-name" (a string, printed quoted). */
var IDENTIFY = "process.version + ' ' + board.name";

export interface KalumaFlashOptions {
  save: boolean;
  timeoutMs: number;
  /** (bytes acknowledged, total) during the upload of the new program. */
  progress?: (done: number, total: number) => void;
  log?: (line: string) => void;
}

export interface KalumaFlashResult {
  bytes: number;
  version: string;
  boardName: string;
  /** What the board boots now: "new", "previous" or "nothing". */
  boots: "new" | "previous" | "nothing";
}

/** -1, 0, 1 as semver orders a and b ("1.0.0-beta.10" < "1.0.0"). */
export function compareVersions(a: string, b: string): number {
  var pa = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(a), pb = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  for (var i = 1; i <= 3; i++) if (+pa[i] !== +pb[i]) return +pa[i] < +pb[i] ? -1 : 1;
  if (!pa[4] || !pb[4]) return pa[4] ? -1 : pb[4] ? 1 : 0;
  var xa = pa[4].split("."), xb = pb[4].split(".");
  for (var j = 0; j < Math.max(xa.length, xb.length); j++) {
    if (xa[j] === undefined) return -1;
    if (xb[j] === undefined) return 1;
    var na = /^\d+$/.test(xa[j]), nb = /^\d+$/.test(xb[j]);
    if (na && nb && +xa[j] !== +xb[j]) return +xa[j] < +xb[j] ? -1 : 1;
    if (na !== nb) return na ? -1 : 1;
    if (!na && xa[j] !== xb[j]) return xa[j] < xb[j] ? -1 : 1;
  }
  return 0;
}

/** The line that refuses firmware older than KALUMA_MIN_VERSION, or undefined. */
export function kalumaVersionProblem(version: string): string | undefined {
  if (compareVersions(version, KALUMA_MIN_VERSION) >= 0) return undefined;
  return "The board runs Kaluma " + version + "; ristretto needs " + KALUMA_MIN_VERSION + " or later (its code upload ends with a NUL that .flash -s and .flash -r stop at, which the check relies on). Update its firmware: https://kaluma.io/download";
}

/** The bytes as `.flash -r` prints them. */
function asPrinted(b: Buffer): string {
  return b.toString("latin1").replace(/\n/g, "\r\n");
}

async function number(repl: KalumaRepl, line: string): Promise<number> {
  var text = stripAnsi(await repl.command(line)).trim();
  if (!/^\d+$/.test(text)) throw new Error("The board at " + repl.link.description + " answered " + line + " with " + JSON.stringify(text.slice(0, 80)) + ", not a number of bytes");
  return +text;
}

/** The code in the board's code area (`.flash -r`), or undefined when it is empty or does not read back whole. */
async function readProgram(repl: KalumaRepl): Promise<Buffer | undefined> {
  var size = await number(repl, ".flash -s");
  if (!size) return undefined;
  var raw = await repl.command(".flash -r");
  var tail = raw.lastIndexOf("\r\n");
  var code = Buffer.from(raw.slice(0, tail < 0 ? raw.length : tail).replace(/\r\n/g, "\n"), "latin1");
  return code.length === size ? code : undefined;
}

/** `.flash -w` and the YMODEM transfer; resolves once Kaluma printed "Done" and its prompt. */
async function upload(repl: KalumaRepl, bytes: Buffer, o: KalumaFlashOptions, progress?: (done: number, total: number) => void): Promise<void> {
  repl.clear();
  repl.write(".flash -w\r");
  await repl.expect("Transfer a file via YMODEM... (press 'a' to abort)\r\n", "to .flash -w (\"Transfer a file via YMODEM\")");
  var sender = new YmodemSender(
    function (b) {
      repl.write(b);
    },
    "ristretto.js",
    bytes,
    // Kaluma erases its whole code area (512 KB on a Pico) before it ACKs the header: 8 erases of 64 KB, each
    // 150 ms typically and up to 2 s on the Pico's W25Q16JV flash (its datasheet), so that answer may take longer.
    { timeoutMs: o.timeoutMs, headerTimeoutMs: Math.max(o.timeoutMs, 20000), onProgress: progress },
  );
  var closed = new Promise<never>(function (_, reject) {
    repl.tapBytes(
      function (b) {
        var n = sender.feed(b);
        if (n < b.length) repl.pushBack(b.subarray(n));
      },
      reject,
    );
  });
  try {
    var early = repl.take(); // a "C" that came with the line above
    var n = sender.feed(early);
    if (n < early.length) repl.pushBack(early.subarray(n));
    await Promise.race([sender.done, closed]);
  } catch (e) {
    if (!repl.open) throw e;
    // the receiver ends its loop and says why ("Verification failed": it could not write its flash)
    var said = await repl.expect(/\r\n(Aborted|Failed to receive|Verification failed)\r\n/, "", 3000).catch(() => "");
    throw new Error("The upload to " + repl.link.description + " failed: " + (e as Error).message + (said ? " (Kaluma: \"" + said.trim() + "\")" : ""));
  } finally {
    repl.untap();
  }
  var said = await repl.expect(/\r\n(Done|Aborted|Failed to receive|Verification failed|The file size is too large)\r\n/, "to confirm the upload (\"Done\")");
  if (!/Done/.test(said)) throw new Error("The board at " + repl.link.description + " ended the upload with \"" + said.trim() + "\"");
  await repl.expect("\x1b7> ", "for the prompt after the upload");
}

/** Compares the code area with `bytes`: its length, then every byte read back. */
async function verify(repl: KalumaRepl, bytes: Buffer): Promise<void> {
  var size = await number(repl, ".flash -s");
  if (size !== bytes.length) throw new Error("The board holds " + fmt(size) + " bytes of code after the upload, not the bundle's " + fmt(bytes.length));
  var raw = await repl.command(".flash -r"), want = asPrinted(bytes);
  if (raw.slice(0, want.length) !== want || stripAnsi(raw.slice(want.length)).trim() !== "") {
    for (var i = 0; i < want.length && raw[i] === want[i]; i++);
    throw new Error("The code read back from the board differs from the bundle at byte " + fmt(i) + " (of the code as .flash -r prints it)");
  }
}

/** Uploads and checks `bytes`, saying what it does when `o.log` listens. */
async function write(repl: KalumaRepl, bytes: Buffer, o: KalumaFlashOptions, progress?: (done: number, total: number) => void): Promise<void> {
  if (o.log) o.log(".flash -w: " + bytes.length + " bytes by YMODEM");
  await upload(repl, bytes, o, progress);
  if (o.log) o.log(".flash -s, .flash -r: reading it back");
  await verify(repl, bytes);
}

/** After a failed upload, on a link still open: the previous program back, or an empty area. */
async function repair(repl: KalumaRepl, previous: Buffer | undefined, o: KalumaFlashOptions): Promise<string> {
  if (!repl.open) return "the connection is gone, so the board holds a cut-short upload, which Kaluma cannot parse: it boots to its REPL and runs nothing until the next flash";
  try {
    if (previous) {
      await write(repl, previous, o);
      return "the previous program (" + fmt(previous.length) + " bytes) is back in place and boots as before";
    }
    await repl.command(".flash -e");
    return "the code area is empty again, as it was";
  } catch (e) {
    return "putting the previous program back failed too (" + (e as Error).message + "): the board boots to its REPL and runs nothing until the next flash";
  }
}

/** The whole flash over an open REPL; throws one line that says what the board holds. */
export async function flashKaluma(repl: KalumaRepl, board: BoardProfile, code: Buffer, o: KalumaFlashOptions): Promise<KalumaFlashResult> {
  var port = repl.link.description;
  await repl.wake();
  var who = stripAnsi(await repl.command(IDENTIFY, "for the answer to " + IDENTIFY)), m = /'(\d[^' ]*) ([^']*)'/.exec(who);
  if (!m) throw new Error("The device at " + port + " answered, but not as Kaluma's REPL does: to " + IDENTIFY + " it said " + JSON.stringify(who.trim().slice(0, 80)) + ". Check --board.");
  var version = m[1], name = m[2];
  var old = kalumaVersionProblem(version);
  if (old) throw new Error(old);
  if (name !== board.id) throw new Error("The board at " + port + " is a " + name + " (board.name), not the " + board.id + " of --board " + board.id + ": pass --board " + name);
  var max = await number(repl, ".flash -t");
  if (code.length + 1 > max) throw new Error("The bundle is " + fmt(code.length) + " bytes and the board's code area holds " + fmt(max - 1) + ": nothing was written");
  if (o.log) o.log("Kaluma " + version + " on " + name + "; reading the program it boots now (.flash -r), to put it back if anything fails");
  var previous = await readProgram(repl);
  try {
    await write(repl, code, o, o.progress);
  } catch (e) {
    throw new Error((e as Error).message + "; " + (await repair(repl, previous, o)));
  }
  if (o.log) o.log(".load: running it");
  await repl.command(".load", "for the program to start (.load)");
  if (o.save) return { bytes: code.length, version: version, boardName: name, boots: "new" };
  try {
    if (previous) await write(repl, previous, o);
    else await repl.command(".flash -e");
  } catch (e) {
    throw new Error("The new program runs, but writing back the previous one to boot failed: " + (e as Error).message + "; the board boots to its REPL and runs nothing (flash again, or use --save)");
  }
  return { bytes: code.length, version: version, boardName: name, boots: previous ? "previous" : "nothing" };
}

/** For flash.ts: flashes `code` to the Kaluma board at `port`, gives the one-line result. */
export async function flashToKaluma(
  code: string,
  board: BoardProfile,
  port: string,
  o: { save: boolean; baud: number; timeoutMs: number; verbose: boolean; monitor?: boolean },
  io: Io,
  open?: (port: string, options: { baud: number; connectTimeoutMs?: number }) => Promise<Link>,
): Promise<{ what: string; link?: Link }> {
  var link = await (open || openLink)(port, { baud: o.baud, connectTimeoutMs: o.timeoutMs }), ok = false;
  try {
    var r = await flashKaluma(new KalumaRepl(link, o.timeoutMs), board, Buffer.from(code, "utf8"), {
      save: o.save,
      timeoutMs: o.timeoutMs,
      progress: progressBar(io, "Uploading"),
      log: o.verbose
        ? function (line) {
            io.err("kaluma: " + line + "\n");
          }
        : undefined,
    });
    ok = true;
  } finally {
    // --monitor: the console goes on over this link (what the program printed while the REPL read answers is not kept).
    if (!ok || !o.monitor) await link.close();
  }
  var what = (
    fmt(r.bytes) + " bytes in the code area, read back and compared byte for byte (" + r.boardName + ", Kaluma " + r.version + "). " +
    (r.boots === "new" ? "Running, and at every boot." : "Running until the next reset; the board boots " + (r.boots === "previous" ? "its previous program" : "to its REPL") + " (--save runs this one at boot).")
  );
  return { what: what, link: o.monitor ? link : undefined };
}
