import { DEV } from "../core/dev";
import { UsageError, describe, errorToString } from "../core/errors";
import { deviceLoop, loopNow } from "../core/loop";
import { sleepMs } from "../core/sleep";
import type { Task, Waitable } from "../core/task";
import type { PinId } from "../hal/hal";
import { uartHal } from "../hal/uart-current";
import { UART_BUFFER_BYTES } from "ristretto/board";
import type { Pin, Port } from "./pin";

export interface UartOptions {
  /** Bits per second (default 9600, as Espruino's Serial.setup). */
  baud?: number;
  /** Pins other than the port's defaults (the board profile's). */
  rx?: Pin;
  tx?: Pin;
  /** Received bytes kept until read; beyond it the oldest are dropped (default: the board's UART_BUFFER_BYTES, from its RAM budget). */
  bufferBytes?: number;
}

/**
 * Raised once by the read after received bytes were dropped because the
 * buffer was full. The bytes kept stay in the buffer for the next read.
 */
export class OverrunError {
  declare name: string;
  constructor(
    public dropped: number,
    public message: string,
  ) {}
  declare toString: () => string;
}
OverrunError.prototype.name = "OverrunError";
OverrunError.prototype.toString = errorToString;

/** Raised by readexactly() when the stream is closed before n bytes came (uasyncio's EOFError). */
export class EOFError {
  declare name: string;
  constructor(public message: string) {}
  declare toString: () => string;
}
EOFError.prototype.name = "EOFError";
EOFError.prototype.toString = errorToString;

/**
 * Bytes handed to the transmitter ahead of the wire, at most. Espruino's
 * transmit buffer holds more on every board, and a write into a full one
 * stops the interpreter until it drains: pacing keeps the other tasks running.
 */
var TX_AHEAD = 64;

/**
 * A serial port as a uasyncio Stream. Data is a binary string (a character
 * per byte), as Espruino's Serial gives it.
 *
 * Received bytes wait in `_buf`, a string: on Espruino a string costs a
 * variable per 12 to 16 bytes it holds and one when empty, where a
 * Uint8Array ring would hold its whole capacity all the time and need a
 * conversion for every line returned. The receive callback only appends
 * (dropping the oldest bytes beyond `bufferBytes`) and has the loop wake the
 * waiting reader between steps, as a ThreadSafeFlag would; the reader does
 * the rest, and looks at the buffer again before it waits. A read takes
 * bytes out of `_buf` only as it returns, so a read cancelled while it waits
 * loses nothing. One task reads at a time (a second gets E_FLAG_BUSY), as
 * with uasyncio.
 */
export class Uart implements Waitable {
  _buf = "";
  /** Bytes dropped and not yet reported by a read. (This, the next and _txEnd: their defaults are the prototype's, below.) */
  declare _lost: number;
  /** Every byte dropped since the port was opened. */
  declare overruns: number;
  /** Set by close(). */
  declare _closed?: boolean;
  /** Loop time at which everything handed to the transmitter has left. */
  declare _txEnd: number;
  /** The task waiting for bytes, parked on the port. */
  declare _reader?: Task<any>;
  _h: unknown;
  /** Milliseconds a byte takes on the wire (10 bits: start, 8 data, stop). */
  _byteMs: number;

  constructor(port: Port, baud: number, rx: PinId | null, tx: PinId | null, public _max: number) {
    var self = this;
    this._byteMs = 10000 / baud;
    this._h = uartHal.open(port[0], baud, rx, tx, function (bytes: string) {
      self._in(bytes);
    });
  }

  /** From the runtime's data event: append, drop the oldest beyond the buffer, wake the reader. */
  _in(bytes: string): void {
    var b = this._buf + bytes, over = b.length - this._max;
    if (over > 0) {
      b = b.slice(over);
      this._lost += over;
      this.overruns += over;
    }
    this._buf = b;
    if (this._reader) (DEV ? this._reader._loop : deviceLoop)._soon(this as unknown as Task<any>); // the loop wakes it between steps (_run)
  }

  /** A read waits for bytes (`await this`): parks the task on the port; a second reader is an error. */
  _aw(task: Task<any>): boolean {
    if (this._reader) {
      // Kept on the device too: a second reader would take the first one's place, which would then wait forever.
      task._value = new UsageError("E_FLAG_BUSY", "a task is already reading this uart: one reader at a time, as in uasyncio");
      task._error = 1;
      return false;
    }
    this._reader = task;
    task._park(this);
    return true;
  }

  /** The reader was cancelled while it waited. */
  _cancel(): void {
    this._reader = undefined;
  }

  /** The loop's one-off step (_in): wakes the reader. */
  _run(): void {
    var r = this._reader;
    if (r) {
      this._reader = undefined;
      r._wake(this, undefined, 0);
    }
  }

  /** Bytes received and not read yet. */
  available(): number {
    return this._buf.length;
  }

  /** Raises OverrunError if bytes were dropped since the last read. */
  _report(): void {
    var n = this._lost;
    if (n) {
      this._lost = 0;
      // On the device the advice is left out, as the long messages of misuse are (DESIGN.md decision 2).
      throw new OverrunError(n, DEV ? n + " received bytes dropped: the buffer (" + this._max + " bytes) was full; read sooner or give a larger bufferBytes" : n + " bytes dropped");
    }
  }

  _cut(n: number): string {
    var s = this._buf.slice(0, n);
    this._buf = this._buf.slice(n);
    return s;
  }

  /** Up to `n` bytes (default: all there are), as soon as there is one; "" once closed and empty. */
  async read(n?: number): Promise<string> {
    if (DEV && n !== undefined && !(n >= 1)) throw new UsageError("E_BAD_ARG", "read(n) expects a number of bytes >= 1, got " + describe(n));
    for (;;) {
      this._report();
      if (this._buf.length || this._closed) return this._cut(n === undefined ? this._buf.length : n);
      await this; // parks on the port until bytes come or it closes (_aw)
    }
  }

  /** The next line, with its "\n"; once closed, what is left ("" at the end). */
  async readline(): Promise<string> {
    var i: number;
    for (;;) {
      this._report();
      i = this._buf.indexOf("\n");
      if (i >= 0) return this._cut(i + 1);
      if (this._closed) return this._cut(this._buf.length);
      await this; // parks on the port until bytes come or it closes (_aw)
    }
  }

  /** Exactly `n` bytes; EOFError if the stream is closed first. */
  async readexactly(n: number): Promise<string> {
    if (DEV && !(n >= 0 && n <= this._max)) throw new UsageError("E_BAD_ARG", "readexactly(n) expects 0 to bufferBytes (" + this._max + ") bytes, got " + describe(n));
    for (;;) {
      this._report();
      if (this._buf.length >= n) return this._cut(n);
      if (this._closed) throw new EOFError("the stream was closed with " + this._buf.length + " of the " + n + " bytes readexactly() waited for");
      await this; // parks on the port until bytes come or it closes (_aw)
    }
  }

  /**
   * Hands `data` (a string, a character per byte) to the transmitter,
   * waiting while it has more than it can hold; returns once all of it is
   * handed over. drain() waits until it has left.
   */
  async write(data: string): Promise<void> {
    var i = 0, now: number, room: number, chunk: string;
    while (i < data.length) {
      if (DEV && this._closed) throw new UsageError("E_STREAM_CLOSED", "write() on a closed uart: open the port again"); // misuse, not corruption: host only
      now = loopNow();
      if (this._txEnd < now) this._txEnd = now;
      room = TX_AHEAD - Math.ceil((this._txEnd - now) / this._byteMs - 1e-6);
      if (room > 0) {
        chunk = data.slice(i, i + room);
        uartHal.write(this._h, chunk);
        this._txEnd += chunk.length * this._byteMs;
        i += chunk.length;
      } else await sleepMs(Math.ceil(this._txEnd - now - (TX_AHEAD / 2) * this._byteMs)); // whole ms: the loop's clock is in whole ms on a device
    }
  }

  /** Waits until everything written has left the wire (to the next whole millisecond). */
  async drain(): Promise<void> {
    var left = this._txEnd - loopNow();
    if (left > 0) await sleepMs(Math.ceil(left - 1e-6));
  }

  /** Stops receiving and releases the port. A waiting read returns what is left (readexactly raises EOFError). */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    uartHal.close(this._h);
    this._in(""); // wakes the reader, which reads what is left
  }
}

// Defaults a port keeps until bytes are dropped or it writes: on the
// prototype, not a field of every port (on Espruino a variable each).
Uart.prototype._lost = 0;
Uart.prototype.overruns = 0;
Uart.prototype._txEnd = 0;

/** Opens a serial port of the board (SERIAL1, UART0 from ristretto/board) as a stream. */
export function uart(port: Port, options?: UartOptions): Uart {
  var o = options || {}, baud = o.baud || 9600, max = o.bufferBytes || UART_BUFFER_BYTES;
  if (DEV && !(baud > 0)) throw new UsageError("E_BAD_ARG", "uart expects a baud rate above 0, got " + describe(baud));
  if (DEV && !(max >= 1)) throw new UsageError("E_BAD_ARG", "uart expects bufferBytes >= 1, got " + describe(max));
  return new Uart(port, baud, o.rx !== undefined ? o.rx : port[1], o.tx !== undefined ? o.tx : port[2], max);
}
