// Kaluma's user-code area (src/prog.c) for the virtual Kaluma device: one
// region of flash, erased (0xFF) as a whole when a YMODEM upload begins,
// written a 256-byte page at a time as the blocks come, and ended with a NUL
// byte. The code is the bytes before the first NUL, so an upload cut short
// leaves the full pages it got followed by erased flash, and no program
// Kaluma can parse. Host only.

var PAGE = 256;

export class ProgramArea {
  /** The area as the flash holds it. */
  readonly bytes: Buffer;
  /** A test's broken flash: the write that reaches this many bytes fails, once. */
  failAt: number | undefined;
  private page: number[] = [];
  private written = 0;

  constructor(readonly maxBytes: number, code?: string) {
    this.bytes = Buffer.alloc(maxBytes, 0xff);
    if (code !== undefined) {
      var b = Buffer.from(code, "utf8");
      b.copy(this.bytes);
      this.bytes[b.length] = 0;
    }
  }

  /** km_prog_get_size: 0 when erased, else the length up to the first NUL. */
  size(): number {
    if (this.bytes[0] === 0xff) return 0;
    var nul = this.bytes.indexOf(0);
    return nul < 0 ? this.bytes.length : nul;
  }

  /** The code as Kaluma loads it. */
  code(): Buffer {
    return this.bytes.subarray(0, this.size());
  }

  /** km_prog_clear */
  erase(): void {
    this.bytes.fill(0xff);
  }

  /** km_prog_begin: erase all, start at 0. */
  begin(): void {
    this.erase();
    this.page = [];
    this.written = 0;
  }

  /** km_prog_write: false once the area is full (the firmware's EDQUOT). */
  write(data: Buffer): boolean {
    if (this.failAt !== undefined && this.written + data.length >= this.failAt) {
      this.failAt = undefined;
      return false;
    }
    for (var i = 0; i < data.length; i++) if (!this.push(data[i])) return false;
    return true;
  }

  /** km_prog_end: the closing NUL, and the last page. */
  end(): void {
    this.push(0);
    if (this.page.length) this.flush();
  }

  private push(byte: number): boolean {
    this.page.push(byte);
    if (++this.written >= this.maxBytes) return false;
    if (this.page.length >= PAGE) this.flush();
    return true;
  }

  private flush() {
    var at = Math.floor((this.written - 1) / PAGE) * PAGE;
    Buffer.from(this.page.concat(new Array(PAGE - this.page.length).fill(0))).copy(this.bytes, at, 0, Math.min(PAGE, this.maxBytes - at));
    this.page = [];
  }
}
