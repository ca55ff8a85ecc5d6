// A virtual Kaluma board: its REPL (src/repl.c) over a sandbox, with the
// user-code area (kaluma-program.ts) that outlives resets and connections.
// It boots as the firmware does (targets/rp2/src/main.c, src/runtime.c):
//
//   power on   .hi's welcome, then the code in flash runs, unless the
//              safe-boot pin (GP22) is held low; then the prompt
//   .load      a fresh runtime, and the code in flash runs
//   .reset     a fresh runtime, nothing runs ("soft reset"); Ctrl-D too
//
// Kaluma parses the whole code before it runs any of it: code that does not
// parse prints its SyntaxError and runs nothing; code whose top level throws
// prints the error and leaves a fresh runtime.
// `.flash -w` hands the line to the YMODEM receiver (kaluma-ymodem.ts) as the
// firmware's blocking loop does: the program's timers stand still meanwhile.
// Everything runs one task at a time, in order (device-base.ts). Not
// modelled: Ctrl-C, history and cursor keys (escape sequences are
// swallowed), the stack traces after an error at boot, .mem's numbers;
// error texts are the sandbox's; a code area with no NUL ends at the area's
// end (the firmware's strlen runs on into the flash after it). Host only.

import path = require("path");
import { loadBoard } from "../../build/boards";
import type { BoardProfile } from "../../build/board-profile";
import { DeviceBase } from "./device-base";
import type { DeviceClockOptions } from "./device-base";
import { errorLine, FLASH_HELP, HELP, KALUMA_VERSION, pretty, prompt, TRANSFER_RESULT, welcome } from "./kaluma-repl";
import { ProgramArea } from "./kaluma-program";
import { YmodemReceiver } from "./kaluma-ymodem";
import type { YmodemResult } from "./kaluma-ymodem";
import { quickjsSandbox } from "./quickjs-sandbox";
import type { Sandbox, SandboxFactory } from "./sandbox";

var ROOT = path.resolve(__dirname, "../../../.."); // from .build/src/sim/device

export interface KalumaDeviceOptions extends DeviceClockOptions {
  /** A Kaluma board id (boards/<id>.json, such as pico) or a profile. */
  board: string | BoardProfile;
  /** What runs the code (default: the QuickJS sandbox); bundleSandbox(loadBundle) gives pins with traces. */
  sandbox?: SandboxFactory;
  /** process.version and the welcome (default KALUMA_VERSION), to test a firmware check. */
  version?: string;
  /** The code in flash at power on. */
  program?: string;
  /** How long the YMODEM receiver waits for a sender before each "C" (default 1000, as the firmware: DOWNLOAD_TIMEOUT); once the sender's first byte came, each read waits 1000 ms, as the firmware's. */
  ymodemPollMs?: number;
  /** The flash fails the upload's write that reaches this many bytes, once (km_flash_program failing: CAN CAN, "Verification failed"). */
  flashFailsAt?: number;
  /** The pause after a transfer before its result line (default 500, as the firmware: km_delay(500)). */
  afterTransferMs?: number;
}

export class KalumaDevice extends DeviceBase {
  readonly board: BoardProfile;
  readonly version: string;
  /** The user-code area: program.code() is what boots. */
  readonly program: ProgramArea;
  /** GP22 held to GND at the next power on: Kaluma skips the code in flash. */
  safeBoot = false;

  private factory: SandboxFactory;
  /** "repl": typed lines; "ymodem": every byte to the receiver; "busy": input waits (the pause after a transfer). */
  private mode: "repl" | "ymodem" | "busy" = "repl";
  private receiver: YmodemReceiver | undefined;
  private pending: number[] = [];
  private line = "";
  private echo = true;
  /** Inside an escape sequence (the terminal's answer to the width query, arrow keys). */
  private escape: string | undefined;

  constructor(private options: KalumaDeviceOptions) {
    super(options);
    this.board = typeof options.board === "string" ? loadBoard(options.board, ROOT) : options.board;
    if (this.board.runtime !== "kaluma") throw new Error("The virtual Kaluma device needs a Kaluma board, and " + this.board.id + " runs " + this.board.runtime);
    this.version = options.version || KALUMA_VERSION;
    this.factory = options.sandbox || quickjsSandbox();
    this.program = new ProgramArea(this.board.flash.codeBytes, options.program);
    this.program.failAt = options.flashFailsAt;
  }

  protected input(bytes: Buffer): unknown {
    return this.feed(bytes);
  }

  protected override shutdown(): void {
    if (this.receiver) this.receiver.stop();
  }

  protected step(ms: number): void | Promise<void> {
    if (ms <= 0 || this.mode === "ymodem" || !this.sandbox) return; // the receive loop blocks the runtime
    this.time += ms;
    return this.sandbox.advance(ms);
  }

  private write(text: string | Buffer) {
    var bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    this.send(bytes.toString("latin1"), bytes);
  }

  protected powerOn(): Promise<void> {
    var self = this;
    this.stopTransfer();
    this.line = "";
    this.echo = true;
    this.escape = undefined;
    this.write(welcome(this.version));
    return this.init(!this.safeBoot).then(function () {
      self.write(prompt(self.echo, self.line));
    });
  }

  private stopTransfer() {
    if (this.receiver) this.receiver.stop();
    this.receiver = undefined;
    this.mode = "repl";
    this.pending = [];
  }

  /** km_runtime_init: a fresh runtime; with `load`, the code in flash runs. */
  private init(load: boolean): Promise<void> {
    var self = this;
    if (this.sandbox) this.sandbox.dispose();
    this.sandbox = undefined;
    return this.factory({
      board: this.board,
      print: function (line) {
        self.console.push({ t: self.time, text: line });
        self.write(line + "\r\n");
      },
    }).then(function (box) {
      self.sandbox = box;
      // src/global.c's process.version; board.name comes from the board's board.js (the bundle simulator sets it too)
      box.eval(
        "var process = typeof process === 'object' && process ? process : {}; process.version = " + JSON.stringify(self.version) + ";" +
          "var board = typeof board === 'object' && board ? board : { name: " + JSON.stringify(self.board.id) + " }; void 0",
      );
      var size = self.program.size();
      if (!load || !size) return;
      try {
        box.eval(self.program.code().toString("utf8"));
      } catch (e) {
        self.write(errorLine(message(e)));
        return self.init(false); // the firmware starts over without the program
      }
    });
  }

  /** Bytes from a connection, as the tty hands them on. */
  private feed(bytes: Buffer): Promise<void> | void {
    if (this.mode === "ymodem") return void this.pending.push.apply(this.pending, Array.from(bytes.subarray((this.receiver as YmodemReceiver).feed(bytes))));
    if (this.mode === "busy") return void this.pending.push.apply(this.pending, Array.from(bytes));
    for (var i = 0; i < bytes.length; i++) {
      var r = this.key(bytes[i]);
      if (r) {
        var rest = bytes.subarray(i + 1);
        var self = this;
        return r.then(function () {
          if (rest.length) return self.feed(rest);
        });
      }
      if (this.mode !== "repl") return this.feed(bytes.subarray(i + 1));
    }
  }

  /** handle_normal and handle_escape: gives a promise when the key started something that takes time. */
  private key(b: number): Promise<void> | void {
    var ch = String.fromCharCode(b);
    if (this.escape !== undefined) {
      this.escape += ch;
      if (/[A-Za-z~]/.test(ch)) this.escape = undefined;
      return;
    }
    if (b === 0x1b) return void (this.escape = "");
    if (b === 0x0d) {
      if (this.echo) this.write("\r\n");
      var line = this.line;
      this.line = "";
      return this.enter(line);
    }
    if (b === 0x04) return this.softReset().then(() => this.write(prompt(this.echo, this.line)));
    if (b === 0x08 || b === 0x7f) {
      if (!this.line) return;
      this.line = this.line.slice(0, -1);
      if (this.echo) this.write("\x1b[D\x1b[K\x1b[J\x1b8> " + this.line);
      return;
    }
    if (this.line.length >= 1023) return void this.write(errorLine("REPL buffer overflow"));
    this.line += ch;
    if (this.echo) this.write(Buffer.from([b]));
  }

  /** A line: a .command, or code. Then the prompt, unless a transfer took the line over. */
  private enter(line: string): Promise<void> | void {
    var self = this;
    var done = function () {
      if (self.mode === "repl") self.write(prompt(self.echo, self.line));
    };
    if (line[0] === ".") {
      var r = this.command(line.split(" ").filter(Boolean));
      return r ? r.then(done) : done();
    }
    if (line) this.evaluate(line);
    done();
  }

  private evaluate(code: string) {
    try {
      this.write(pretty((this.sandbox as Sandbox).eval(code)) + "\r\n");
    } catch (e) {
      this.write(errorLine(message(e)));
    }
  }

  private command(t: string[]): Promise<void> | void {
    var name = t[0], arg = t[1];
    if (name === ".help") return this.write(HELP);
    if (name === ".hi") return this.write(welcome(this.version));
    if (name === ".echo") return void (arg === "on" ? (this.echo = true) : arg === "off" ? (this.echo = false) : 0);
    if (name === ".reset") return this.softReset();
    if (name === ".load") return this.init(true);
    if (name === ".mem") return this.write("total: 184320, occupied: 2048, peak: 4096\r\n");
    if (name === ".gc") return;
    if (name === ".flash") return this.flash(arg);
    this.write(errorLine("Unknown command: " + name));
  }

  private softReset(): Promise<void> {
    var self = this;
    return this.init(false).then(function () {
      self.write("\r\nsoft reset\r\n");
    });
  }

  private flash(arg: string | undefined): void {
    var p = this.program;
    if (arg === "-e") return p.erase(), this.write("Flash has erased\r\n");
    if (arg === "-t") return this.write(p.maxBytes + "\r\n");
    if (arg === "-s") return this.write(p.size() + "\r\n");
    if (arg === "-r") return this.write(Buffer.concat([Buffer.from(p.code().toString("latin1").replace(/\n/g, "\r\n"), "latin1"), Buffer.from("\r\n")]));
    if (arg !== "-w") return this.write(FLASH_HELP);
    this.write("Transfer a file via YMODEM... (press 'a' to abort)\r\n");
    this.mode = "ymodem";
    var self = this;
    this.receiver = new YmodemReceiver(
      {
        send: function (bytes) {
          self.write(Buffer.from(bytes));
        },
        header: function () {
          p.begin();
        },
        packet: function (data) {
          return p.write(data);
        },
        footer: function () {
          p.end();
        },
        end: function (result) {
          self.mode = "busy"; // km_delay(500): what comes meanwhile waits in the tty's buffer
          self.run(function () {
            return self.transferEnded(result);
          });
        },
      },
      this.options.ymodemPollMs || 1000,
      1000,
    );
  }

  private transferEnded(result: YmodemResult): Promise<void> {
    var self = this;
    this.receiver = undefined;
    this.mode = "busy";
    return new Promise<void>(function (resolve) {
      setTimeout(resolve, self.options.afterTransferMs === undefined ? 500 : self.options.afterTransferMs);
    }).then(function () {
      if (self.closed) return;
      self.write("\r\n" + TRANSFER_RESULT[result] + "\r\n");
      self.mode = "repl";
      self.write(prompt(self.echo, self.line));
      var rest = Buffer.from(self.pending);
      self.pending = [];
      if (rest.length) return self.feed(rest);
    });
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A virtual Kaluma device, powered on. */
export function createKalumaDevice(options: KalumaDeviceOptions): Promise<KalumaDevice> {
  var d = new KalumaDevice(options);
  return d.start().then(function () {
    return d;
  });
}
