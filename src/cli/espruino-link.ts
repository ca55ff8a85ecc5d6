// A connection to an Espruino board through the `espruino` package, which
// runs in a child process (espruino-child.ts). Every wait has a deadline: a
// port that answers nothing, or answers but not as Espruino's REPL does, is
// an error within `timeoutMs` that says which, with what came back. Host only.

import childProcess = require("child_process");
import path = require("path");
import type { BoardProfile } from "../build/board-profile";
import { bleLabel, bleTarget } from "./ble-port";
import type { BleTarget } from "./ble-port";
import type { NobleStandIn } from "./noble-load";

export type LinkRequest =
  | { op: "open"; port: string; baud: number; espruinoBoard: string; boardJSON: object; ble?: BleTarget; noble?: NobleStandIn }
  | { op: "expr"; id: number; code: string; maxTimeoutS: number }
  | { op: "write"; text: string }
  | { op: "close" };

export type LinkEvent =
  | { ev: "ready" }
  | { ev: "open"; env: { [key: string]: unknown } }
  | { ev: "failed"; message: string; whole?: boolean }
  | { ev: "found"; path: string }
  | { ev: "result"; id: number; text: string | null }
  | { ev: "data"; text: string }
  | { ev: "log"; text: string }
  | { ev: "url"; url: string }
  | { ev: "closed" };

export interface LinkOptions {
  port: string;
  baud: number;
  board: BoardProfile;
  /** Espruino's name for the board (process.env.BOARD), whose JSON the tools ask for. */
  espruinoBoard: string;
  /** How long any one answer may take, in ms. */
  timeoutMs: number;
  /** Each line the espruino tools log. */
  onLog?: (line: string) => void;
  /** A stand-in for noble, for a Bluetooth LE port (tests). */
  noble?: NobleStandIn;
}

/** What the device's process.env said, as far as ristretto reads it. */
export interface DeviceEnv {
  VERSION?: string;
  BOARD?: string;
  [key: string]: unknown;
}

/** A bundle's board as EspruinoTools' board JSON (espruino.com/json/<BOARD>.json): the parts the tools read. */
function boardJSON(p: BoardProfile): object {
  return {
    info: { name: p.name, variables: p.memory.variables, ristretto: p.id, builtin_modules: [] },
    pins: Object.keys(p.pins).map(function (name) {
      return { name: name, functions: {} };
    }),
  };
}

/** The last `n` characters of what a device sent, printable. */
export function received(text: string, n?: number): string {
  var t = text.length > (n || 80) ? "..." + text.slice(-(n || 80)) : text;
  return t ? JSON.stringify(t) : "nothing";
}

/**
 * What the device printed while a request waited, but the answers the tools
 * asked for (`<< {...} >>`), prompts and blank lines, for the error of a
 * connection that closed: "; before it did, the device printed ..." (a
 * crashing interpreter says why: Espruino's Linux build prints "ASSERT(...)
 * FAILED ... EXITING."), or "" when it printed nothing else.
 */
function lastWords(output: string): string {
  var text = output.replace(/<<[\s\S]*?>>/g, "").split(/\r?\n/).map((l) => l.replace(/^[<>\s]+|[<>\s]+$/g, "")).filter((l) => l).join(" ");
  return text ? "; before it did, the device printed " + received(text, 160) : "";
}

export class EspruinoLink {
  /** The device's process.env. */
  env: DeviceEnv = {};
  /** The last 1,000 characters the device sent, answers included: what errors quote. */
  output = "";
  /** URLs the tools asked for (all answered locally). */
  readonly urls: string[] = [];
  closed = false;
  /** The Bluetooth LE device the port names, if it names one; `found` once a scan found it. */
  readonly ble: BleTarget | undefined;
  private found = false;

  private child: childProcess.ChildProcess;
  private next = 1;
  private waiting: { [id: number]: (text: string | null) => void } = {};
  private onClosed: (() => void)[] = [];
  private listeners: ((text: string) => void)[] = [];

  constructor(private o: LinkOptions) {
    var self = this;
    this.ble = bleTarget(o.port);
    this.child = childProcess.fork(path.join(__dirname, "espruino-child.js"), [], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child.on("message", function (e: LinkEvent) {
      if (e.ev === "data") {
        self.output = (self.output + e.text).slice(-1000);
        self.listeners.slice().forEach(function (f) { // a copy: a listener that settles a request takes that request's listener off
          f(e.text);
        });
      }
      else if (e.ev === "log" && o.onLog) o.onLog(e.text);
      else if (e.ev === "url") self.urls.push(e.url);
      else if (e.ev === "found") self.found = true;
      else if (e.ev === "result" && self.waiting[e.id]) self.waiting[e.id](e.text);
      else if (e.ev === "closed") self.gone();
    });
    this.child.on("exit", function () {
      self.gone();
    });
  }

  private gone(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosed.splice(0).forEach(function (f) {
      f();
    });
  }

  /**
   * Opens the port, reads process.env; rejects when the device does not
   * answer as Espruino does within timeoutMs. The deadline starts once the
   * child has loaded the tools ("ready"), so a slow start of our own process
   * on a busy machine is never blamed on the device. For a Bluetooth LE port
   * the scan has timeoutMs to find the device, and the device as long again
   * to answer once found.
   */
  open(): Promise<DeviceEnv> {
    var self = this, o = this.o;
    return this.deadline("to connect", function (resolve, reject, start) {
      self.child.on("message", function (e: LinkEvent) {
        if (e.ev === "ready") start();
        if (e.ev === "found") start(true); // the scan was one step; the answer to connect is the next
        if (e.ev === "failed") reject(new Error(e.whole ? e.message : "Cannot connect to " + o.port + ": " + e.message));
        if (e.ev !== "open") return;
        self.env = e.env as DeviceEnv;
        if (typeof self.env.VERSION !== "string") return reject(self.notEspruino("to process.env"));
        resolve(self.env);
      });
      self.send({ op: "open", port: o.port, baud: o.baud, espruinoBoard: o.espruinoBoard, boardJSON: boardJSON(o.board), ble: self.ble, noble: o.noble });
    });
  }

  /**
   * Evaluates `code` on the device and gives its value (as JSON.stringify
   * and JSON.parse carry it). An exception on the device rejects with its
   * message; so do silence, garbage and a closed connection.
   */
  eval(code: string): Promise<unknown> {
    var self = this, id = this.next++;
    var wrapped = "(function(){try{return {v:(" + code + ")}}catch(e){return {e:''+e}}})()";
    return this.deadline("to " + (code.length > 60 ? code.slice(0, 57) + "..." : code), function (resolve, reject) {
      self.waiting[id] = function (text) {
        delete self.waiting[id];
        var r: { v?: unknown; e?: string } | undefined;
        try {
          r = text === null ? undefined : JSON.parse(text);
        } catch (e) {
          r = undefined;
        }
        if (!r || typeof r !== "object") return reject(self.notEspruino("to " + code.slice(0, 60)));
        if (r.e !== undefined) return reject(new Error("The device said: " + r.e + " (running " + code.slice(0, 60) + ")"));
        resolve(r.v);
      };
      self.send({ op: "expr", id: id, code: wrapped, maxTimeoutS: Math.ceil(self.o.timeoutMs / 1000) });
    });
  }

  /** Hears everything the device sends from now on (bytes as a binary string), as it arrives. */
  onData(fn: (text: string) => void): void {
    this.listeners.push(fn);
  }

  /** Called once when the connection closes (at once when it is closed already). */
  onClose(fn: () => void): void {
    if (this.closed) fn();
    else this.onClosed.push(fn);
  }

  /** Sends text as typed, without waiting for an answer (reset(), load()). */
  write(text: string): void {
    this.send({ op: "write", text: text });
  }

  /** Closes the port and ends the child, also after the connection was lost (the child lives on then). */
  close(): Promise<void> {
    var child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise(function (resolve) {
      child.once("exit", function () {
        resolve();
      });
      if (child.connected) child.send({ op: "close" });
      else child.kill();
      // The tools may hang on a dead port: do not wait for them long.
      setTimeout(function () {
        child.kill();
      }, 1000).unref();
    });
  }

  private send(r: LinkRequest): void {
    if (!this.closed && this.child.connected) this.child.send(r);
  }

  private notEspruino(what: string): Error {
    var p = this.o.port, s = this.o.timeoutMs / 1000, serial = p.indexOf("tcp://") !== 0 && !this.ble;
    if (this.ble && !this.found)
      return new Error("No " + bleLabel(this.ble).replace(/^the /, "") + " was found within " + s + " s: is it powered, in range, and not connected to another program (the Espruino IDE, a phone)? ristretto ports --scan 5s lists the boards in range");
    if (!this.output.replace(/[\r\n>]/g, "")) return new Error("No answer from " + p + " " + what + " within " + s + " s. Is an Espruino board there" + (serial ? " at " + this.o.baud + " baud (--baud)" : "") + ", and not busy running a loop?");
    return new Error("The device at " + p + " answered, but not as Espruino's REPL does " + what + ": received " + received(this.output) + ". Check --board" + (serial ? " and --baud" : "") + ".");
  }

  /**
   * A promise that rejects when the connection closes or nothing settles it
   * within timeoutMs. The clock starts at once, or, when `body` takes the
   * third argument, when it calls it; start(true) starts it again.
   */
  private deadline<T>(what: string, body: (resolve: (v: T) => void, reject: (e: Error) => void, start: (again?: boolean) => void) => void): Promise<T> {
    var self = this;
    return new Promise<T>(function (resolve, reject) {
      var done = false, said = ""; // what the device printed meanwhile
      function hear(text: string): void {
        said = (said + text).slice(-1000);
      }
      self.listeners.push(hear);
      function finish(f: () => void): void {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        self.listeners.splice(self.listeners.indexOf(hear), 1);
        f();
      }
      var timer: ReturnType<typeof setTimeout> | undefined;
      function start(again?: boolean): void {
        if (done || (timer && !again)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(function () {
          finish(function () {
            reject(self.notEspruino(what));
          });
        }, self.o.timeoutMs);
      }
      if (body.length < 3) start();
      if (self.closed) return finish(function () {
        reject(new Error("The connection to " + self.o.port + " closed"));
      });
      self.onClosed.push(function () {
        finish(function () {
          reject(new Error("The connection to " + self.o.port + " closed " + what.replace(/^to /, "while waiting to ") + lastWords(said)));
        });
      });
      body(
        function (v) {
          finish(function () {
            resolve(v);
          });
        },
        function (e) {
          finish(function () {
            reject(e);
          });
        },
        start,
      );
    });
  }
}
