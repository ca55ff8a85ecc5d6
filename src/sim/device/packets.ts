// Espruino's packets (2v25+, jsiPacketProcess in src/jsinteractive.c, commit
// c5ff787), which EspruinoTools' Connection uses for espruinoEval,
// espruinoSendFile and espruinoReceiveFile: DLE SOH, a 16-bit word (type in
// the top 3 bits, length in the rest), then the data. The device answers ACK
// (0x06) or NAK (0x15), and for EVAL a RESPONSE packet with the value. Files
// go to and come from Storage; SD card files (fs) and heatshrink-compressed
// uploads (c) are refused with NAK.

export var ACK = "\x06", NAK = "\x15";
export var RESPONSE = 0, EVAL = 0x2000, EVENT = 0x4000, FILE_SEND = 0x6000, DATA = 0x8000, FILE_RECV = 0xa000;

/** A packet as the device sends it. */
export function packet(type: number, data: string): string {
  var word = type | data.length;
  return "\x10\x01" + String.fromCharCode(word >> 8, word & 255) + data;
}

export interface PacketHost {
  /** Sends bytes as they are. */
  write(bytes: string): void;
  /** Evaluates in the sandbox; throws the sandbox's error. */
  eval(code: string): unknown;
  /** Prints an error as the REPL does ("Uncaught ..."). */
  printError(e: unknown): void;
}

function parseObject(data: string): { [key: string]: unknown } | undefined {
  try {
    var r = JSON.parse(data);
    return r !== null && typeof r === "object" && !Array.isArray(r) ? r : undefined;
  } catch (e) {
    return undefined;
  }
}

export class Packets {
  /** The file a FILE_SEND announced, while its DATA packets come. */
  private file: { fn: string; size: number; offset: number } | null = null;

  constructor(private host: PacketHost) {}

  handle(type: number, data: string): void {
    var h = this.host, q = JSON.stringify;
    if (type === EVAL) {
      var v: unknown;
      try {
        v = h.eval(data);
      } catch (e) {
        h.write(NAK);
        h.printError(e);
        return;
      }
      h.write(ACK);
      var js = v === undefined ? "undefined" : q(v);
      h.write(packet(RESPONSE, js === undefined ? "undefined" : js));
    } else if (type === EVENT) {
      var ev = parseObject(data), ok = false;
      if (ev) {
        try {
          h.eval("E.emit('packet', " + q(ev) + ")");
          ok = true;
        } catch (e) {
          h.printError(e);
        }
      }
      h.write(ok ? ACK : NAK);
    } else if (type === FILE_SEND) {
      var r = parseObject(data);
      this.file = null;
      if (r && typeof r.fn === "string" && typeof r.s === "number" && r.s > 0 && !r.fs && !r.c) this.file = { fn: r.fn, size: r.s, offset: 0 };
      h.write(this.file ? ACK : NAK);
    } else if (type === DATA) {
      var f = this.file, written = false;
      if (f) {
        try {
          written = h.eval("__device.flash.write(" + q(f.fn) + ", " + q(data) + ", " + f.offset + ", " + f.size + ")") === true;
        } catch (e) {
          h.printError(e);
        }
        f.offset += data.length;
        if (f.offset >= f.size) this.file = null;
      }
      h.write(written ? ACK : NAK);
    } else if (type === FILE_RECV) {
      // As JSON: a sandbox may cut a string at its first NUL on the way out.
      var want = parseObject(data), json = want && typeof want.fn === "string" && !want.fs ? h.eval("JSON.stringify(__device.flash.read(" + q(want.fn) + "))") : undefined;
      var contents = typeof json === "string" ? JSON.parse(json) : undefined;
      if (typeof contents !== "string") {
        h.write(NAK);
        return;
      }
      h.write(ACK);
      for (var i = 0; i < contents.length; i += 1024) h.write(packet(DATA, contents.substr(i, 1024)));
      h.write(packet(DATA, ""));
    } else h.write(NAK);
  }
}
