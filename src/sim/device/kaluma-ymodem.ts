// Kaluma's YMODEM receiver (src/ymodem.c, km_ymodem_receive), fed byte by
// byte, for the virtual Kaluma device. What it does, as the firmware does:
//
//   wait for a block start; a read timeout of      → "C" (an error once a
//   silence                                          block came: after 5
//                                                    in a row, CAN CAN)
//   SOH/STX block, bad complement or CRC, or a
//   stray byte                                     → "C" (an error)
//   block whose number is not the next one         → NAK
//   block 0 with a name: header(name, size)        → ACK "C"
//   block 0 empty (after an EOT): end of session   → ACK, footer(), OK
//   data block: packet(data); false from it        → CAN CAN, result "data"
//   EOT                                            → ACK (no "C")
//   CAN CAN                                        → ACK, result "abort"
//   "a" or "A"                                     → CAN CAN, result "abort"
//
// Past 5 errors the firmware sends CAN CAN but does not give up: it stays in
// the transfer, CAN CAN at each timeout, until a sender ends it. So does this.
// The firmware's read timeout is one constant (DOWNLOAD_TIMEOUT, 1 s); here
// the wait for a sender's first byte (`pollMs`) may be shorter, so tests need
// not wait a second for the first "C", while every read after it keeps
// `readMs`: a busy machine's pause mid-transfer is not taken for silence.
// Host only.

import { crc16 } from "../../cli/ymodem";

var SOH = 0x01, STX = 0x02, EOT = 0x04, ACK = 0x06, NAK = 0x15, CAN = 0x18, C = 0x43;

export type YmodemResult = "ok" | "abort" | "data";

export interface YmodemReceiverHooks {
  /** Bytes to the sender. */
  send(bytes: number[]): void;
  header(name: string, size: number): void;
  /** One data block, already cut to the size the header gave; false fails the transfer. */
  packet(data: Buffer): boolean;
  footer(): void;
  /** The transfer is over (the REPL prints its line and comes back). */
  end(result: YmodemResult): void;
}

export class YmodemReceiver {
  /** "start": waiting for a block start; "cancel": got one CAN; "block": reading a block's rest. */
  private state: "start" | "cancel" | "block" = "start";
  private block: number[] = [];
  private size = 0;
  private received = 0;
  private errors = 0;
  private sessionBegun = false;
  private remaining = 0;
  private timer: NodeJS.Timeout | undefined;
  private over = false;

  /** Whether a byte of the transfer came: reads wait `readMs` from then on. */
  private begun = false;

  constructor(private hooks: YmodemReceiverHooks, private pollMs: number, private readMs = pollMs) {
    this.wait();
  }

  /** Takes bytes until the transfer ends; gives how many it took (the rest are the REPL's). */
  feed(bytes: Buffer): number {
    if (bytes.length) this.begun = true;
    for (var i = 0; i < bytes.length && !this.over; i++) this.byte(bytes[i]);
    return i;
  }

  /** Stops the timer (the device powers off or resets). */
  stop(): void {
    this.over = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private byte(ch: number) {
    if (this.state === "block") {
      this.block.push(ch);
      if (this.block.length === this.size + 4) this.blockDone();
      return;
    }
    if (this.state === "cancel") {
      if (ch === CAN) return this.ok(0x100); // abort by sender
      return this.error();
    }
    if (ch === SOH || ch === STX) {
      this.state = "block";
      this.size = ch === SOH ? 128 : 1024;
      this.block = [];
      return this.wait();
    }
    if (ch === EOT) return this.ok(0);
    if (ch === CAN) {
      this.state = "cancel";
      return this.wait();
    }
    if (ch === 0x41 || ch === 0x61) {
      this.hooks.send([CAN, CAN]);
      return this.finish("abort");
    }
    this.error();
  }

  private blockDone() {
    var b = this.block, n = b[0];
    if (n !== (b[1] ^ 0xff)) return this.error();
    var data = Buffer.from(b.slice(2, 2 + this.size)), crc = (b[2 + this.size] << 8) | b[3 + this.size];
    if (crc16(data) !== crc) return this.error();
    this.ok(this.size, n, data);
  }

  /** A packet arrived whole: length 0 is EOT, 0x100 a sender's abort. */
  private ok(length: number, n?: number, data?: Buffer) {
    this.errors = 0;
    this.state = "start";
    if (length === 0x100) {
      this.hooks.send([ACK]);
      return this.finish("abort");
    }
    if (length === 0) {
      this.hooks.send([ACK]);
      this.received = 0; // the next block 0 opens the next file, or ends the session
      return this.wait();
    }
    if (n !== (this.received & 0xff)) {
      this.hooks.send([NAK]);
      return this.wait();
    }
    var d = data as Buffer;
    if (this.received === 0) {
      if (d[0] === 0) {
        this.hooks.send([ACK]);
        this.hooks.footer();
        return this.finish("ok");
      }
      var nul = d.indexOf(0), name = d.subarray(0, nul).toString("latin1"), rest = d.subarray(nul + 1, nul + 17).toString("latin1");
      this.remaining = parseInt(rest, 10) || 0; // atoi: digits up to the first non-digit
      this.hooks.header(name, this.remaining);
      this.hooks.send([ACK, C]);
    } else {
      var len = Math.min(d.length, this.remaining);
      this.remaining -= len;
      if (!this.hooks.packet(d.subarray(0, len))) {
        this.hooks.send([CAN, CAN]);
        return this.finish("data");
      }
      this.hooks.send([ACK]);
    }
    this.received++;
    this.sessionBegun = true;
    this.wait();
  }

  private error() {
    this.state = "start";
    if (this.sessionBegun) this.errors++;
    this.hooks.send(this.errors > 5 ? [CAN, CAN] : [C]);
    this.wait();
  }

  /** Each read waits `pollMs` (for a sender) or `readMs` (once one began) at most; silence is an error like any other. */
  private wait() {
    var self = this;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      function () {
        self.timer = undefined;
        if (!self.over) self.error();
      },
      this.begun ? this.readMs : this.pollMs,
    );
  }

  private finish(result: YmodemResult) {
    this.stop();
    this.hooks.end(result);
  }
}
