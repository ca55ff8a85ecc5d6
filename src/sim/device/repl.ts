// The REPL's line discipline, as Espruino's jsiHandleConsoleChar and
// jsiHandleNewLine do it (src/jsinteractive.c, commit c5ff787):
// - typed characters are echoed; Enter runs the line once its brackets
//   balance (brackets.ts), else gives a `:` continuation line; ESC LF
//   (Alt-Enter) adds a new line without running;
// - `\x10` (DLE) at the start of a line turns echo off for that line: no
//   echo, no `=result`, no prompt unless the line printed something;
// - DLE SOH starts a packet (two length/type bytes, then the data), which the
//   host answers (packets.ts);
// - Ctrl-C clears the line being typed; Ctrl-E on an empty line answers
//   "Espruino 2v29 BOARD";
// - ESC [ ... sequences (arrows, the `ESC [ 123 d` line numbers EspruinoTools
//   sends) are read and dropped: the cursor stays at the end of the line;
// - output from the program first removes the shown input line
//   (`\r ESC [J`); the prompt `>` and the line come back when the device is
//   idle again (returnInputLine). Every `\n` goes out as `\r\n`.
// Unlike the device, a line's reset()/load()/save() takes effect before the
// next character is read (the device does it once its input queue is empty;
// EspruinoTools waits 250 ms after such lines for that reason).

import { countBrackets } from "./brackets";

export interface LineHost {
  /** Sends text to the console as it is (new lines already `\r\n`). */
  write(text: string): void;
  /** Runs a complete line (prints its result and errors through the discipline), and whatever it asked for (reset...). */
  execute(line: string): Promise<void>;
  /** Handles a packet: `type` is the top 3 bits of the length word (0x2000 EVAL...), `data` its bytes. */
  packet(type: number, data: string): Promise<void>;
  /** What Ctrl-E on an empty line prints: "Espruino 2v29 PICO_R1_3". */
  enquiry(): string;
}

const enum State {
  None,
  HadR,
  HadDle,
  Had27,
  Had27_79,
  Had27_91,
  Had27_91_Number,
  PacketByte0,
  PacketByte1,
  PacketData,
}

export class LineDiscipline {
  /** echo(0) turns it off until echo(1) or a reset. */
  echo = true;
  /** The line being typed. */
  line = "";
  /** The line (and its prompt) is not on the console: output removed it, or it ran. */
  lineRemoved = true;
  private echoOffForLine = false;
  private state = State.None;
  private packetType = 0;
  private packetLength = 0;
  private packetData = "";
  private savedLine = "";
  private escNumber = 0;

  constructor(private host: LineHost) {}

  /** Espruino's jsiEcho(): echo is on, and not off for this line. */
  get echoing(): boolean {
    return this.echo && !this.echoOffForLine;
  }

  /** Back to how a reset leaves the console: echo on, nothing typed, the prompt to come. */
  resetState(): void {
    this.echo = true;
    this.echoOffForLine = false;
    this.line = "";
    this.lineRemoved = true;
    this.state = State.None;
  }

  /** Reads characters (one per byte) from the console; resolves when the lines they end have run. */
  feed(chars: string): Promise<void> {
    var self = this, i = 0;
    function next(): Promise<void> | undefined {
      while (i < chars.length) {
        var running = self.char(chars.charAt(i++));
        if (running) return running.then(next);
      }
      return undefined;
    }
    return Promise.resolve(next());
  }

  /** Output from the program: removes the shown input line first. */
  print(text: string): void {
    this.removeInputLine();
    this.host.write(text.replace(/\n/g, "\r\n"));
  }

  /** Shows the prompt and the typed line again if output removed them (the end of Espruino's idle loop). */
  returnInputLine(): void {
    if (!this.lineRemoved) return;
    this.lineRemoved = false;
    if (this.echoing) this.host.write(">" + this.line.replace(/\n/g, "\r\n:"));
  }

  removeInputLine(): void {
    if (this.lineRemoved) return;
    this.lineRemoved = true;
    if (!this.echoing) return;
    var lines = this.line.split("\n"), moves = "";
    for (var x = lines[lines.length - 1].length; x > 0; x--) moves += "\x1b[D";
    for (var y = lines.length - 1; y > 0; y--) moves += "\x1b[A";
    this.host.write(moves + "\r\x1b[J");
  }

  private get showInputLine(): boolean {
    return this.echoing && !this.lineRemoved;
  }

  // Gives a promise when the character ran something (a line, a packet), else nothing.
  private char(ch: string): Promise<void> | undefined {
    var c = ch.charCodeAt(0), s = this.state;
    if (s === State.PacketByte0) {
      if (this.savedLine === "") this.echoOffForLine = false; // DLE on an empty line had turned echo off
      this.packetType = c << 8;
      this.state = State.PacketByte1;
    } else if (s === State.PacketByte1) {
      var word = this.packetType | c;
      this.packetType = word & 0xe000;
      this.packetLength = word & 0x1fff;
      this.packetData = "";
      this.state = State.PacketData;
      if (this.packetLength === 0) return this.endPacket();
    } else if (s === State.PacketData) {
      this.packetData += ch;
      if (this.packetData.length >= this.packetLength) return this.endPacket();
    } else if (c === 0) {
      this.state = State.None;
    } else if (c === 1) {
      if (s === State.HadDle) {
        this.savedLine = this.line;
        this.state = State.PacketByte0;
      }
    } else if (c === 3) {
      this.state = State.None;
      if (this.line !== "") {
        this.removeInputLine();
        this.line = "";
      }
    } else if (c === 5) {
      if (this.line === "") this.host.write(this.host.enquiry() + "\r\n");
    } else if (c === 16) {
      if (this.line === "") this.echoOffForLine = true;
      this.state = State.HadDle;
    } else if (c === 27) {
      this.state = State.Had27;
    } else if (s === State.Had27) {
      this.state = c === 79 ? State.Had27_79 : c === 91 ? State.Had27_91 : State.None;
      if (c === 10) return this.newLine(false);
    } else if (s === State.Had27_79) {
      this.state = State.None;
      var numpad: { [code: number]: string } = { 111: "/", 106: "*", 109: "-", 107: "+", 77: "\r" };
      if (numpad[c]) return this.char(numpad[c]);
    } else if (s === State.Had27_91) {
      this.state = c >= 48 && c <= 57 ? State.Had27_91_Number : State.None;
      this.escNumber = c - 48;
    } else if (s === State.Had27_91_Number) {
      if (c >= 48 && c <= 57) this.escNumber = this.escNumber * 10 + c - 48;
      else {
        this.state = State.None; // ESC [ 2 H erases the line; the others move the cursor or set line numbers
        if (c === 72 && this.escNumber === 2 && this.line !== "") {
          this.removeInputLine();
          this.line = "";
        }
      }
    } else {
      var hadR = s === State.HadR;
      this.state = State.None;
      if (c === 8 || c === 127) this.backspace();
      else if (c === 10 && hadR) return undefined; // \r\n: the \r did it
      else if (c === 13 || c === 10) {
        if (c === 13) this.state = State.HadR;
        return this.newLine(true);
      } else if (c >= 32 || c === 9) {
        var add = c === 9 ? "    " : ch;
        this.line += add;
        if (this.showInputLine) this.host.write(add);
      }
    }
    return undefined;
  }

  private backspace(): void {
    if (this.line === "") return;
    var last = this.line.charAt(this.line.length - 1);
    this.line = this.line.slice(0, -1);
    if (this.showInputLine && last !== "\n") this.host.write("\x08 \x08");
  }

  private newLine(execute: boolean): Promise<void> | undefined {
    var self = this;
    if (execute && countBrackets(this.line) <= 0) {
      if (this.showInputLine) this.host.write("\r\n");
      if (!this.echoOffForLine) this.lineRemoved = true;
      var line = this.line.replace(/\s+$/, "");
      this.line = "";
      return this.host.execute(line).then(function () {
        self.echoOffForLine = false;
      });
    }
    if (this.showInputLine) this.host.write("\r\n:");
    this.line += "\n";
    return undefined;
  }

  private endPacket(): Promise<void> {
    this.state = State.None;
    var type = this.packetType, data = this.packetData;
    this.packetData = "";
    this.line = this.savedLine;
    return this.host.packet(type, data);
  }
}
