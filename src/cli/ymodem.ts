// A YMODEM sender (CRC16, one file) for Kaluma's `.flash -w`. The exchange,
// as Kaluma's receiver (src/ymodem.c) runs it:
//
//   receiver  C                 ACK C           ACK ...  ACK       ACK        ACK
//   sender      block 0 (name,        block 1      ...     EOT       block 0
//               size)                 (1024 B)                       (empty: end)
//
// Blocks are SOH + 128 bytes or STX + 1024 bytes, each as
// [SOH|STX, n, 255-n, data, CRC16 high, CRC16 low], n counting from 0 (the
// header) modulo 256; the last data block is padded with 0x1A, and the
// receiver keeps only the size the header gave. Where Kaluma differs from
// the textbook receiver, the sender follows Kaluma:
// - it sends "C" only after a second of silence, and again after each second
//   it waits, so the sender waits for the first "C" and sends nothing before;
// - it NAKs a block whose number is not the one it expects (a textbook
//   receiver ACKs a repeat), so a block is sent again only when the receiver
//   asks: NAK, or "C" (its read timed out inside our block);
// - it ACKs the first EOT (a textbook one NAKs it once), and asks for the
//   closing header with no "C", so the empty block 0 goes out at once;
// - two CANs in a row cancel, either way (the receiver sends them when it
//   cannot write the flash).
// Host only.

var SOH = 0x01, STX = 0x02, EOT = 0x04, ACK = 0x06, NAK = 0x15, CAN = 0x18, C = 0x43, PAD = 0x1a;

/** CRC-16/XMODEM (polynomial 0x1021, initial 0): what follows each block, high byte first. */
export function crc16(data: Uint8Array): number {
  var crc = 0;
  for (var i = 0; i < data.length; i++) {
    crc ^= data[i] << 8;
    for (var b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** One block on the wire: 128 bytes after SOH, or 1024 after STX, padded with `pad`. */
export function ymodemBlock(n: number, data: Uint8Array, size: 128 | 1024, pad?: number): Buffer {
  var b = Buffer.alloc(3 + size + 2, pad === undefined ? PAD : pad);
  b[0] = size === 128 ? SOH : STX;
  b[1] = n & 0xff;
  b[2] = 0xff - (n & 0xff);
  b.set(data.subarray(0, size), 3);
  var crc = crc16(b.subarray(3, 3 + size));
  b[3 + size] = crc >> 8;
  b[4 + size] = crc & 0xff;
  return b;
}

/** The blocks of one file: header (name NUL size SPACE, zero-padded), data, and the empty header that ends the session. */
export function ymodemBlocks(name: string, data: Uint8Array): Buffer[] {
  var head = Buffer.from(name + "\0" + data.length + " ", "latin1");
  var blocks = [ymodemBlock(0, head, 128, 0)];
  for (var at = 0, n = 1; at < data.length; n++) {
    var size: 128 | 1024 = data.length - at > 128 ? 1024 : 128; // a tail of 128 bytes or less goes in a short block
    blocks.push(ymodemBlock(n, data.subarray(at, at + size), size));
    at += size;
  }
  return blocks;
}

export interface YmodemOptions {
  /** How long the receiver may stay silent when it should answer (ms). */
  timeoutMs: number;
  /** How long the header's ACK may take, when the receiver erases first (default timeoutMs). */
  headerTimeoutMs?: number;
  /** Times one block may be asked for again (NAK or "C") before giving up (default 10). */
  retries?: number;
  /** (bytes acknowledged, total) after each data block. */
  onProgress?: (done: number, total: number) => void;
}

/** Why a transfer failed: `code` says who stopped it. */
export class YmodemError extends Error {
  constructor(message: string, readonly code: "timeout" | "cancelled" | "retries" | "aborted") {
    super(message);
    Object.setPrototypeOf(this, YmodemError.prototype);
  }
}

type Phase = "start" | "header" | "afterHeader" | "data" | "eot" | "end" | "done";

/**
 * Sends one file: feed() it every byte the receiver sends; `done` settles
 * when the receiver ACKed the closing header, or on failure (after which
 * nothing more is written). abort() cancels with two CANs.
 */
export class YmodemSender {
  readonly done: Promise<void>;
  private blocks: Buffer[];
  private phase: Phase = "start";
  /** The data block being sent (1-based). */
  private next = 1;
  /** Bytes of data the receiver ACKed. */
  private acked = 0;
  private tries = 0;
  private cans = 0;
  private timer: NodeJS.Timeout | undefined;
  private settle!: (e?: Error) => void;

  constructor(private write: (b: Buffer) => void, name: string, private data: Uint8Array, private o: YmodemOptions) {
    var self = this;
    this.blocks = ymodemBlocks(name, data);
    this.done = new Promise<void>(function (resolve, reject) {
      self.settle = function (e) {
        if (self.timer) clearTimeout(self.timer);
        self.phase = "done";
        if (e) reject(e);
        else resolve();
      };
    });
    this.arm("to start the transfer (its first \"C\")");
  }

  /** Takes the receiver's bytes until the transfer ends; gives how many it took (the rest are the REPL's). */
  feed(bytes: Uint8Array): number {
    for (var i = 0; i < bytes.length && this.phase !== "done"; i++) this.byte(bytes[i]);
    return i;
  }

  abort(why: string): void {
    if (this.phase === "done") return;
    this.write(Buffer.from([CAN, CAN]));
    this.settle(new YmodemError(why, "aborted"));
  }

  private byte(ch: number) {
    if (ch === CAN) {
      if (++this.cans >= 2) this.settle(new YmodemError("The device cancelled the transfer" + (this.phase === "data" ? " at block " + this.next : ""), "cancelled"));
      return;
    }
    this.cans = 0;
    var p = this.phase;
    if (p === "start") {
      if (ch === C) this.send(0, "header");
    } else if (p === "header") {
      if (ch === ACK) this.go("afterHeader", "to ask for the data (\"C\")");
      else if (ch === NAK || ch === C) this.again(0);
    } else if (p === "afterHeader") {
      if (ch === C) this.sendData();
    } else if (p === "data") {
      if (ch === ACK) {
        this.acked = Math.min(this.acked + this.blocks[this.next].length - 5, this.data.length);
        if (this.o.onProgress) this.o.onProgress(this.acked, this.data.length);
        this.next++;
        this.tries = 0;
        this.sendData();
      } else if (ch === NAK || ch === C) this.again(this.next);
    } else if (p === "eot") {
      if (ch === ACK) {
        this.tries = 0;
        this.send(this.blocks.length, "end");
      } else if (ch === NAK) this.retry(function (s) {
        s.write(Buffer.from([EOT]));
      });
    } else if (p === "end") {
      if (ch === ACK) this.settle();
      else if (ch === NAK) this.again(this.blocks.length);
    }
  }

  private sendData() {
    if (this.next < this.blocks.length) return this.send(this.next, "data");
    this.write(Buffer.from([EOT]));
    this.go("eot", "to the end of the file (EOT)");
  }

  /** Block i, where i === blocks.length is the empty closing header. */
  private send(i: number, phase: Phase) {
    this.write(i < this.blocks.length ? this.blocks[i] : ymodemBlock(0, new Uint8Array(0), 128, 0));
    this.go(phase, i === 0 ? "to the file's header" : i < this.blocks.length ? "to block " + i : "to the end of the session", i === 0 ? this.o.headerTimeoutMs : undefined);
  }

  private again(i: number) {
    this.retry(function (s) {
      s.send(i, s.phase);
    });
  }

  private retry(resend: (s: YmodemSender) => void) {
    if (++this.tries > (this.o.retries === undefined ? 10 : this.o.retries)) {
      this.write(Buffer.from([CAN, CAN]));
      return this.settle(new YmodemError("The device refused block " + (this.phase === "data" ? this.next : 0) + " " + this.tries + " times (noise on the line?)", "retries"));
    }
    resend(this);
  }

  private go(phase: Phase, waitingFor: string, ms?: number) {
    this.phase = phase;
    this.arm(waitingFor, ms);
  }

  private arm(waitingFor: string, ms?: number) {
    var self = this;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(function () {
      self.write(Buffer.from([CAN, CAN]));
      self.settle(new YmodemError("No answer " + waitingFor + " within " + (ms || self.o.timeoutMs) / 1000 + " s", "timeout"));
    }, ms || this.o.timeoutMs);
  }
}
