// The virtual device's flash: Espruino's Storage (src/jsflash.c, commit
// c5ff787) on the board's byte budget. A file costs a 32-byte header plus its
// size rounded up to 4 bytes; unwritten bytes read as 0xFF; writing at offset
// 0 creates (or replaces) a file of `size` bytes, writing at another offset
// fills a part of an existing file that is still unwritten; a replaced or
// erased file stays as trash until compaction, which happens by itself when
// a new file does not fit. Files are binary strings (one char per byte).
//
// createFlash is plain ES5 with no imports on purpose: the device evaluates
// its text inside the sandbox (espruino-globals.ts), so the code that serves
// require("Storage") and the code the host reads images with are the same.

/** What survives a reset and a power cycle: the files and the trash. */
export interface FlashImage {
  files: { [name: string]: string };
  /** Bytes and files of trash (replaced or erased files not yet compacted away). */
  trash: number;
  trashCount: number;
}

export interface FlashStats {
  totalBytes: number;
  freeBytes: number;
  fileBytes: number;
  fileCount: number;
  trashBytes: number;
  trashCount: number;
}

export interface Flash {
  /** Storage.write: true, or throws Espruino's error ("File already written with different data"). */
  write(name: string, data: unknown, offset?: number, size?: number): boolean;
  read(name: string, offset?: number, length?: number): string | undefined;
  erase(name: string): void;
  eraseAll(): void;
  list(regex?: RegExp, filter?: { sf?: boolean }): string[];
  getFree(): number;
  getStats(): FlashStats;
  compact(): void;
  image(): FlashImage;
}

export function createFlash(capacity: number, from?: FlashImage): Flash {
  var HEADER = 32, MAX_NAME = 28;
  var files: { [name: string]: string } = {}, order: string[] = [], trash = 0, trashCount = 0;
  if (from) {
    for (var k in from.files) if (Object.prototype.hasOwnProperty.call(from.files, k)) add(k, from.files[k]);
    trash = from.trash || 0;
    trashCount = from.trashCount || 0;
  }

  function cost(size: number) {
    return HEADER + ((size + 3) & ~3);
  }
  function has(name: string) {
    return Object.prototype.hasOwnProperty.call(files, name);
  }
  function add(name: string, data: string) {
    files[name] = data;
    order.push(name);
  }
  function remove(name: string) {
    trash += cost(files[name].length);
    trashCount++;
    delete files[name];
    order.splice(order.indexOf(name), 1);
  }
  function used() {
    var n = 0;
    for (var i = 0; i < order.length; i++) n += cost(files[order[i]].length);
    return n;
  }
  // Names are 0-padded to 28 bytes on the device: a longer one is cut.
  function nameOf(name: unknown) {
    return String(name).substr(0, MAX_NAME);
  }
  function erased(f: string, from: number, length: number) {
    for (var i = from; i < from + length; i++) if (f.charCodeAt(i) !== 255) return false;
    return true;
  }
  function fill(n: number) {
    var s = "\xff";
    while (s.length < n) s += s;
    return s.substr(0, n);
  }
  // What Espruino writes for a value: a string as it is (UTF-8 if it has
  // wider characters), an array or typed array as bytes, an ArrayBuffer's bytes.
  function bytes(data: unknown): string {
    if (typeof data === "string") return /[^\x00-\xff]/.test(data) ? unescape(encodeURIComponent(data)) : data;
    var d = data as { length?: number; byteLength?: number; [i: number]: number };
    if (d && typeof d === "object" && typeof d.length !== "number" && typeof d.byteLength === "number") d = new Uint8Array(d as unknown as ArrayBuffer) as unknown as typeof d;
    if (d && typeof d === "object" && typeof d.length === "number") {
      var s = "";
      for (var i = 0; i < d.length; i++) s += String.fromCharCode(d[i] & 255);
      return s;
    }
    return String(data);
  }

  return {
    write: function (name, data, offset, size) {
      var off = offset ? Math.floor(offset) : 0, sz = size ? Math.floor(size) : 0;
      if (off < 0 || sz < 0) return false;
      var d = bytes(data), n = nameOf(name);
      if (!sz) sz = d.length;
      if (!sz) throw new Error("Can't create zero length file");
      var f = has(n) ? files[n] : undefined;
      if ((f === undefined && off === 0) || (f !== undefined && off === 0 && (sz !== f.length || !erased(f, 0, sz)))) {
        if (f !== undefined && sz === f.length && d.length === sz && f === d) return true; // the same file again: nothing to write
        if (f !== undefined) remove(n);
        if (used() + trash + cost(sz) > capacity) {
          trash = 0; // compaction
          trashCount = 0;
        }
        if (used() + cost(sz) > capacity) throw new Error("Unable to find or create file");
        add(n, fill(sz));
      }
      f = files[n];
      if (f === undefined) throw new Error("Unable to find or create file");
      if (off + d.length > f.length) throw new Error("Too much data for file size");
      if (!erased(f, off, d.length)) throw new Error("File already written with different data");
      files[n] = f.substr(0, off) + d + f.substr(off + d.length);
      return true;
    },
    read: function (name, offset, length) {
      var n = nameOf(name);
      if (!has(n)) return undefined;
      var f = files[n], off = offset ? Math.floor(offset) : 0, len = length ? Math.floor(length) : 0;
      if (off > f.length) off = f.length;
      if (len <= 0 || off + len > f.length) len = f.length - off;
      return f.substr(off, len);
    },
    erase: function (name) {
      var n = nameOf(name);
      if (has(n)) remove(n);
    },
    eraseAll: function () {
      files = {};
      order = [];
      trash = 0;
      trashCount = 0;
    },
    // No StorageFile (Storage.open) on the virtual device: {sf:true} lists nothing.
    list: function (regex, filter) {
      if (filter && filter.sf) return [];
      return order.filter(function (n) {
        return !regex || n.match(regex) !== null;
      });
    },
    getFree: function () {
      return capacity - used() - trash;
    },
    getStats: function () {
      var u = used();
      return { totalBytes: capacity, freeBytes: capacity - u - trash, fileBytes: u, fileCount: order.length, trashBytes: trash, trashCount: trashCount };
    },
    compact: function () {
      trash = 0;
      trashCount = 0;
    },
    image: function () {
      var copy: { [name: string]: string } = {};
      for (var i = 0; i < order.length; i++) copy[order[i]] = files[order[i]];
      return { files: copy, trash: trash, trashCount: trashCount };
    },
  };
}
