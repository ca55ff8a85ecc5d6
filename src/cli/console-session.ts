// The board's console in the terminal, for monitor and flash --monitor: what
// the board prints comes through as it arrives, its stack lines translated
// (stack-translator.ts); what is typed goes to the board, a key at a time on
// a terminal (Ctrl-C reaches the board). Ctrl-] quits. Piped input that ends
// ends the session once the board has answered all of it and gone quiet. A
// lost connection is opened again every second, when the caller can. On a
// stdout that is not a terminal, no escape sequences and no "\r". Host only.

import { EXIT } from "./command";
import type { Io } from "./command";
import { plainText, stripAnsi } from "./terminal-text";
import type { Link } from "./transport";

/** Ctrl-], as telnet and miniterm quit. */
var QUIT = 0x1d;
/** Real ms a partial line that may turn into a stack line (or the end mark) is held before it is shown as it is. */
var HOLD_MS = 100;
var RETRY_MS = 1000;
/** Once the board has answered all piped input, the session ends after this many real ms without output. */
var QUIET_MS = 300;
/** A board that does not answer the end of piped input (a line left open, a busy loop): the session ends anyway. */
var NO_ANSWER_MS = 10000;

/**
 * After piped input ends, this line goes to the board; its answer, the mark,
 * comes back after the answers to everything typed before it. The line is
 * sent with echo off (Espruino's DLE), and neither it nor the mark is shown.
 */
var MARK = "ristretto-monitor:end";
var END_LINE = '\x10console.log("ristretto"+"-monitor:end")\n';

/** What the user types (process.stdin). */
export type ConsoleInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };

export interface ConsoleOptions {
  /** The port as the user named it, for messages. */
  port: string;
  /** Opens the port again after the connection was lost; without it a loss ends the session (exit code 1). */
  reopen?: () => Promise<Link>;
  /** A line the board printed to the line to show (stackTranslator). */
  translate: (line: string) => string;
  input: ConsoleInput;
  /** What the board sent before the session took the link over, shown first. */
  early?: string;
}

/**
 * Splits what arrives into lines for `translate` (which may drop a line by
 * giving undefined), and writes them to `write` at once, but for a partial
 * line that `hold` says may still change: that is held until its end comes,
 * or HOLD_MS pass.
 */
function lineWriter(write: (text: string) => void, translate: (line: string) => string | undefined, hold: (partial: string) => boolean): (text: string) => void {
  var held = "", timer: ReturnType<typeof setTimeout> | undefined;
  function flush(): void {
    timer = undefined;
    if (held) write(held);
    held = "";
  }
  return function (text) {
    if (timer) clearTimeout(timer);
    timer = undefined;
    var lines = (held + text).split("\n");
    held = lines.pop() as string;
    var out = lines
      .map(function (l) {
        var t = translate(l);
        return t === undefined ? "" : t + "\n";
      })
      .join("");
    if (!hold(held)) {
      out += held;
      held = "";
    } else timer = setTimeout(flush, HOLD_MS);
    if (out) write(out);
  };
}

/** A partial line that may still become a stack line (blanks, then a start of "at "), or the end mark. */
function mayChange(partial: string): boolean {
  var bare = stripAnsi(partial).replace(/^[\r\s>]*/, "");
  return /^\s+(a|at|at .*)?$/.test(partial) || (bare !== "" && MARK.indexOf(bare) === 0);
}

/** Runs the console on `first` until Ctrl-], or until piped input ends and the board went quiet; gives the exit code. */
export function consoleSession(first: Link, o: ConsoleOptions, io: Io): Promise<number> {
  return new Promise(function (resolve) {
    var link: Link | undefined, quitting = false, ended = false, arrived = 0, input = o.input, lineOpen = false;
    var noAnswer: ReturnType<typeof setTimeout> | undefined;
    var plain = io.tty ? undefined : plainText();
    var lines = lineWriter(function (text) {
      io.out(text);
    }, function (line) {
      if (line.indexOf(MARK) < 0) return o.translate(line);
      answered();
      return undefined;
    }, mayChange);
    function show(text: string): void {
      arrived++;
      lines(plain ? plain(text) : text);
    }
    function attach(l: Link): void {
      link = l;
      l.onData(function (b) {
        show(b.toString("latin1"));
      });
      l.onClose(function () {
        if (link !== l || quitting) return;
        link = undefined;
        if (!o.reopen || ended) {
          io.out("\n[The connection to " + o.port + " was lost.]\n");
          return quit(ended ? EXIT.OK : EXIT.FAILED);
        }
        io.out("\n[The connection to " + o.port + " was lost: opening it again every " + RETRY_MS / 1000 + " s. Ctrl-] quits.]\n");
        reopen();
      });
    }
    function reopen(): void {
      if (quitting || !o.reopen) return;
      var open = o.reopen;
      io.wait(RETRY_MS).then(function () {
        if (quitting) return;
        open().then(function (l) {
          if (quitting) return void l.close();
          io.out("[Connected to " + o.port + " again.]\n");
          attach(l);
        }, reopen);
      });
    }
    function quit(code: number): void {
      if (quitting) return;
      quitting = true;
      if (noAnswer) clearTimeout(noAnswer);
      input.removeListener("data", typed);
      input.removeListener("end", inputEnded);
      if (input.isTTY && input.setRawMode) input.setRawMode(false);
      if (typeof (input as NodeJS.ReadStream).pause === "function") (input as NodeJS.ReadStream).pause();
      (link ? link.close() : Promise.resolve()).then(function () {
        resolve(code);
      });
    }
    function typed(chunk: Buffer | string): void {
      var b = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk, q = b.indexOf(QUIT);
      var send = q >= 0 ? b.subarray(0, q) : b;
      if (send.length && link) {
        link.write(send);
        lineOpen = send[send.length - 1] !== 0x0a && send[send.length - 1] !== 0x0d;
      }
      if (q >= 0) quit(EXIT.OK);
    }
    /** Piped input ended: ask the board for the mark, which comes after every answer to what was sent. */
    function inputEnded(): void {
      ended = true;
      if (!link) return quit(EXIT.OK);
      link.write((lineOpen ? "\n" : "") + END_LINE);
      noAnswer = setTimeout(function () {
        quit(EXIT.OK);
      }, NO_ANSWER_MS);
    }
    /** The mark came back: quit once nothing more arrives for QUIET_MS. */
    function answered(): void {
      if (!ended || quitting) return;
      if (noAnswer) clearTimeout(noAnswer);
      noAnswer = undefined;
      (function quiet(): void {
        var seen = arrived;
        io.wait(QUIET_MS).then(function () {
          if (arrived === seen) quit(EXIT.OK);
          else quiet();
        });
      })();
    }
    if (o.early) show(o.early);
    attach(first);
    if (input.isTTY && input.setRawMode) input.setRawMode(true);
    input.on("data", typed);
    input.on("end", inputEnded);
    if (typeof (input as NodeJS.ReadStream).resume === "function") (input as NodeJS.ReadStream).resume();
  });
}
