// The record of a simulated board's pin changes, kept compactly: an hour of
// blinking on many pins is millions of changes. A change is a time (8 bytes)
// and a code (4 bytes: the pin's number and whether it went low, high or to
// an analog value); analog values (PWM duty, ADC) go to a list of their own.
// So a digital change costs 12 bytes, against about 60 for an object per
// change. Storage grows by chunks; nothing is copied as it grows.
// Device code (in bundles for the sim board), so typed arrays are used only
// where the engine has them (mujs has none).

var CHUNK = 8192;
var LOW = 0, HIGH = 1, ANALOG = 2;

function chunk(typed: boolean, float: boolean): number[] | Float64Array | Uint32Array {
  if (!typed) return [];
  return float ? new Float64Array(CHUNK) : new Uint32Array(CHUNK);
}

/** One change on a pin: time (ms), pin, and the level (0/1), or the analog value (PWM duty, ADC reading; 0..1) if `analog`. */
export interface TraceEntry {
  t: number;
  pin: string;
  value: number;
  analog?: boolean;
}

export class Trace {
  /** Number of changes recorded. */
  size = 0;
  /** Pin names by number. */
  pins: string[] = [];
  _numbers: { [pin: string]: number } = {};
  _t: (number[] | Float64Array)[] = [];
  _code: (number[] | Uint32Array)[] = [];
  _analog: number[] = [];
  /** How many analog values came before each chunk. */
  _analogAt: number[] = [];
  _typed = typeof Float64Array === "function";

  /** The number of pin `pin` in this trace (made on first use). */
  number(pin: string): number {
    var n = this._numbers[pin];
    if (n === undefined) {
      n = this._numbers[pin] = this.pins.length;
      this.pins.push(pin);
    }
    return n;
  }

  /** Records that pin number `n` went to `value` at `t`: a level (0/1), or an analog value. */
  push(t: number, n: number, value: number, analog?: boolean): void {
    var c = this.size >> 13, i = this.size & (CHUNK - 1), kind = analog ? ANALOG : value ? HIGH : LOW; // CHUNK is 2^13
    if (c === this._t.length) {
      this._t.push(chunk(this._typed, true) as Float64Array);
      this._code.push(chunk(this._typed, false) as Uint32Array);
      this._analogAt.push(this._analog.length);
    }
    this._t[c][i] = t;
    this._code[c][i] = n * 4 + kind;
    if (analog) this._analog.push(value);
    this.size++;
  }

  /** Calls fn(t, pin, value, analog) for each change, in order, from change number `from` (default 0). */
  forEach(fn: (t: number, pin: string, value: number, analog: boolean) => void, from?: number): void {
    var i = from || 0, code: number, kind: number, a = 0, k: number;
    if (i >= this.size) return;
    a = this._analogAt[i >> 13];
    for (k = i & ~(CHUNK - 1); k < i; k++) if ((this._code[k >> 13][k & (CHUNK - 1)] & 3) === ANALOG) a++;
    for (; i < this.size; i++) {
      code = this._code[i >> 13][i & (CHUNK - 1)];
      kind = code & 3;
      fn(this._t[i >> 13][i & (CHUNK - 1)], this.pins[code >>> 2], kind === ANALOG ? this._analog[a++] : kind, kind === ANALOG);
    }
  }

  /** The changes as objects: for tests and exports, not for long traces. */
  entries(): TraceEntry[] {
    var out: TraceEntry[] = [];
    this.forEach(function (t, pin, value, analog) {
      var e: TraceEntry = { t: t, pin: pin, value: value };
      if (analog) e.analog = true;
      out.push(e);
    });
    return out;
  }
}
