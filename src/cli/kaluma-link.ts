// A conversation with Kaluma's REPL over a Link (transport.ts). Kaluma echoes
// what is typed and ends each answer with its prompt, "\r ESC 7 > " (save
// the cursor, then "> "; src/repl.c, km_repl_print_prompt), so a command's
// answer is what comes between the echo of its line and the next prompt.
// Lines end with "\r" alone: the REPL runs a line at "\r" and would keep a
// "\n" as the first character of the next one. Every wait has a deadline:
// `timeoutMs` of silence where an answer is due is an error that says what
// was awaited and what came instead. Host only.

import { received } from "./espruino-link";
import { stripAnsi } from "./terminal-text";
import type { Link } from "./transport";

var PROMPT = "\x1b7> ";
/** CAN CAN ends a YMODEM transfer a cut connection left the board waiting in; BS BS removes them from a REPL line. */
var WAKE = "\x18\x18\x08\x08\r";

/** The echo of `line` (with whole lines a program printed in between), its "\r\n", the answer (group 1), the prompt. */
export function echoed(line: string): RegExp {
  var between = "(?:[^\\r\\n]*\\r\\n)*?";
  var chars = line.split("").map(function (c) {
    return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(chars.join(between) + "\\r\\n([\\s\\S]*?)" + PROMPT.replace("\x1b", "\\x1b"));
}

export class KalumaRepl {
  /** What came since the last answer was taken, as bytes (latin1). */
  private buf = "";
  /** Everything received, for messages. */
  private all = "";
  private waiter: (() => void) | undefined;
  private closedBy: Error | undefined;
  /** Bytes go here instead while a YMODEM transfer runs. */
  private tap: ((b: Buffer) => void) | undefined;
  private tapClose: ((e: Error) => void) | undefined;

  constructor(readonly link: Link, private timeoutMs: number) {
    var self = this;
    link.onData(function (b) {
      if (self.tap) return self.tap(b);
      var s = b.toString("latin1");
      self.buf += s;
      self.all = (self.all + s).slice(-4000);
      if (self.waiter) self.waiter();
    });
    link.onClose(function (e) {
      self.closedBy = e || new Error("closed");
      if (self.tapClose) self.tapClose(self.closedError("during the upload"));
      if (self.waiter) self.waiter();
    });
  }

  /** Routes the incoming bytes to `fn` (a YMODEM sender) until untap(); `onClose` if the link closes meanwhile. */
  tapBytes(fn: (b: Buffer) => void, onClose: (e: Error) => void): void {
    this.tap = fn;
    this.tapClose = onClose;
    if (this.closedBy) onClose(this.closedError());
  }

  untap(): void {
    this.tap = this.tapClose = undefined;
  }

  /** The error for a link the other side closed. */
  closedError(what?: string): Error {
    return new Error("The connection to " + this.link.description + " closed" + (what ? " " + what : ""));
  }

  write(text: string | Buffer): void {
    this.link.write(typeof text === "string" ? Buffer.from(text, "latin1") : text);
  }

  /**
   * Gets the REPL's attention: wakes a transfer left waiting, clears the line,
   * and waits for a prompt, asking again every 1.5 s (a receiver left in a
   * transfer answers only after its one-second read timeout).
   */
  async wake(): Promise<void> {
    var deadline = Date.now() + this.timeoutMs;
    for (;;) {
      this.buf = "";
      this.write(WAKE);
      var left = deadline - Date.now();
      var got = await this.until(() => this.buf.indexOf(PROMPT) >= 0, Math.min(1500, left), "for the REPL's prompt");
      if (got) return;
      if (Date.now() >= deadline) {
        if (this.all) throw new Error("The device at " + this.link.description + " answered, but not as Kaluma's REPL does (no \"> \" prompt within " + this.timeoutMs / 1000 + " s): received " + received(stripAnsi(this.all)) + ". Check --board.");
        throw new Error("No answer from " + this.link.description + " within " + this.timeoutMs / 1000 + " s. Is a Kaluma board there, and its REPL on this port?");
      }
    }
  }

  /**
   * Types `line` and gives its answer: what came between the echo of its
   * "\r" and the next prompt, as received. A running program may print
   * between the echoed characters (the REPL echoes them as they come, and
   * the program runs between reads), but not after the "\r": the command
   * runs and the prompt follows in one go.
   */
  async command(line: string, what?: string): Promise<string> {
    this.write(line + "\r");
    var re = echoed(line), m: RegExpExecArray | null = null, from = 0;
    // The regex runs only when a new prompt came: a long answer (.flash -r) arrives in many pieces.
    var ok = await this.until(() => {
      for (;;) {
        var p = this.buf.indexOf(PROMPT, from);
        if (p < 0) return (from = Math.max(0, this.buf.length - PROMPT.length + 1)), false;
        from = p + 1;
        if ((m = re.exec(this.buf))) return true;
      }
    }, this.timeoutMs, what || "for the answer to " + line, true);
    if (!ok || !m) throw this.silence(what || "for the answer to " + line);
    var found = m as RegExpExecArray;
    this.buf = this.buf.slice(found.index + found[0].length);
    return found[1];
  }

  /** Waits for `text` (as received, latin1) and drops what came before it and it. */
  async expect(text: string | RegExp, what: string, timeoutMs?: number): Promise<string> {
    var m: RegExpExecArray | null = null;
    var re = typeof text === "string" ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : text;
    var ok = await this.until(() => !!(m = re.exec(this.buf)), timeoutMs || this.timeoutMs, what, true);
    if (!ok || !m) throw this.silence(what);
    var found = m as RegExpExecArray;
    this.buf = this.buf.slice(found.index + found[0].length);
    return found[0];
  }

  /** Gives back bytes a transfer did not take, as if they came now. */
  pushBack(b: Buffer): void {
    this.buf += b.toString("latin1");
    if (this.waiter) this.waiter();
  }

  /** Takes what came so far. */
  take(): Buffer {
    var b = Buffer.from(this.buf, "latin1");
    this.buf = "";
    return b;
  }

  /** Drops what came so far. */
  clear(): void {
    this.buf = "";
  }

  /**
   * Resolves true once test() holds, false after `ms`; rejects if the link
   * closes first. With `idle`, `ms` counts from the last byte received, so a
   * long answer (.flash -r of a large program on a slow line) may take longer.
   */
  until(test: () => boolean, ms: number, what?: string, idle?: boolean): Promise<boolean> {
    var self = this;
    return new Promise<boolean>(function (resolve, reject) {
      var timer: NodeJS.Timeout;
      var arm = function () {
        timer = setTimeout(function () {
          self.waiter = undefined;
          resolve(false);
        }, Math.max(0, ms));
      };
      var check = function () {
        var ok = test();
        if (!ok && !self.closedBy) {
          if (idle) clearTimeout(timer), arm();
          return;
        }
        clearTimeout(timer);
        self.waiter = undefined;
        if (ok) resolve(true);
        else reject(self.closedError(what ? "while waiting " + what : undefined));
      };
      arm();
      self.waiter = check;
      check();
    });
  }

  /** The error for an answer that did not come. */
  silence(what: string): Error {
    return new Error("No answer from " + this.link.description + " " + what + " within " + this.timeoutMs / 1000 + " s: received " + received(stripAnsi(this.buf)));
  }

  /** Whether the link still carries bytes. */
  get open(): boolean {
    return !this.closedBy;
  }
}
