// Values as Espruino's console writes them (jsfGetJSONWithCallback in
// src/jswrap_json.c, commit c5ff787): `[ 1, 2 ]`, `{ a: 1, b: "x" }` with a
// new line before items that are not numbers, `new Uint8Array([1, 2])`,
// `function (a,b) { ... }`. The REPL's `=value` uses REPL_FLAGS, print() and
// console.log() use PRINT_FLAGS.
//
// espruinoJSON is plain ES5 with no imports: the QuickJS sandbox evaluates its
// text to format what print() gets, and the host formats eval results with it.

export var SOME_NEWLINES = 1, PRETTY = 4, LIMIT = 8, DROP_QUOTES = 512;
export var REPL_FLAGS = SOME_NEWLINES | PRETTY | LIMIT | DROP_QUOTES;
export var PRINT_FLAGS = SOME_NEWLINES | PRETTY;

export function espruinoJSON(value: unknown, flags: number): string {
  var LIMIT_AMOUNT = 15, LIMITED_AMOUNT = 5, LIMIT_STRING_AMOUNT = 60, LIMITED_STRING_AMOUNT = 27, ITEMS_ON_LINE = 4, LIMIT_TEXT = " ... ";
  var pretty = (flags & 4) !== 0, someNewLines = (flags & 1) !== 0, limit = (flags & 8) !== 0, dropQuotes = (flags & 512) !== 0;
  var seen: unknown[] = [];

  function hex(n: number, digits: number) {
    var s = n.toString(16).toUpperCase();
    while (s.length < digits) s = "0" + s;
    return s;
  }
  // escapeCharacter in src/jsutils.c: \n \t..., \0-\7 when no digit follows, \xHH, \uHHHH.
  function quote(s: string) {
    var out = '"';
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), next = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
      if (c === 10) out += "\\n";
      else if (c === 9) out += "\\t";
      else if (c === 8) out += "\\b";
      else if (c === 11) out += "\\v";
      else if (c === 12) out += "\\f";
      else if (c === 13) out += "\\r";
      else if (c === 92) out += "\\\\";
      else if (c === 34) out += '\\"';
      else if (c < 8 && (next < 48 || next > 55)) out += "\\" + c;
      else if (c < 32 || c >= 127) out += c > 255 ? "\\u" + hex(c, 4) : "\\x" + hex(c, 2);
      else out += s.charAt(i);
    }
    return out + '"';
  }
  function str(s: string) {
    if (limit && s.length > LIMIT_STRING_AMOUNT) return quote(s.substr(0, LIMITED_STRING_AMOUNT)) + LIMIT_TEXT + quote(s.substr(s.length - LIMITED_STRING_AMOUNT));
    return quote(s);
  }
  function newLine(indent: number) {
    var s = "\n";
    for (var i = 0; i < indent; i++) s += "  ";
    return s;
  }
  // jsonNeedsNewLine: anything but undefined, null, numbers and booleans.
  function needsNewLine(v: unknown) {
    return !(v === undefined || v === null || typeof v === "number" || typeof v === "boolean");
  }
  function isFunction(v: unknown) {
    return typeof v === "function" || (v !== null && typeof v === "object" && (v as object).constructor !== undefined && ((v as object).constructor as { name?: string }).name === "SandboxFunction");
  }
  function params(v: unknown): string[] {
    if (typeof v !== "function") return Array.isArray((v as { params?: string[] }).params) ? (v as { params: string[] }).params : [];
    var m = /^[^(]*\(([^)]*)\)/.exec(String(v));
    return m && m[1].replace(/\s+/g, "") ? m[1].replace(/\s+/g, "").split(",") : [];
  }
  function typedName(v: unknown) {
    var t = Object.prototype.toString.call(v).slice(8, -1);
    return /^(Ui|I)nt(8|16|32)(Clamped)?Array$|^Float(32|64)Array$|^ArrayBuffer$/.test(t) ? t : "";
  }
  function items(keys: string[], get: (k: string) => unknown, indent: number, first: boolean, out: string[]) {
    var need = false, since = 0;
    for (var i = 0; i < keys.length; i++) {
      var v = get(keys[i]);
      since++;
      if (!first) out.push(pretty ? ", " : ",");
      var newNeed = someNewLines && needsNewLine(v);
      if (someNewLines && since > ITEMS_ON_LINE) need = true;
      if (need || newNeed) {
        out.push(newLine(indent + 1));
        need = false;
        since = 0;
      }
      var k = keys[i];
      out.push((dropQuotes && /^([A-Za-z_$][A-Za-z0-9_$]*|-?[0-9]+)$/.test(k) ? k : quote(k)) + (pretty ? ": " : ":"));
      first = false;
      out.push(json(v, indent + 1));
      need = newNeed;
    }
    return need;
  }
  function json(v: unknown, indent: number): string {
    if (v === undefined) return "undefined";
    if (v === null) return "null";
    if (typeof v === "string") return str(v);
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (isFunction(v)) return "function (" + params(v).join(",") + ") " + (limit ? "{" + LIMIT_TEXT + "}" : typeof v === "function" ? String(v).replace(/^[^{]*/, "") : "{}");
    if (typeof v !== "object") return String(v);
    if (seen.indexOf(v) >= 0) return LIMIT_TEXT;
    seen.push(v);
    var out: string[] = [], need = false;
    var typed = typedName(v);
    if (typed) {
      var a = typed === "ArrayBuffer" ? new Uint8Array(v as ArrayBuffer) : (v as Uint8Array), zero = true;
      for (var z = 0; z < a.length; z++) if (a[z] !== 0) zero = false;
      if (zero) out.push("new " + typed + "(" + a.length + ")");
      else {
        out.push("new " + (typed === "ArrayBuffer" ? "Uint8Array" : typed) + "([");
        var limitedBuf = limit && a.length > LIMIT_AMOUNT;
        for (var b = 0; b < a.length; b++) {
          if (limitedBuf && b >= LIMITED_AMOUNT && b < a.length - LIMITED_AMOUNT) continue;
          if (b > 0) out.push(pretty ? ", " : ",");
          if (limitedBuf && b === a.length - LIMITED_AMOUNT) out.push(LIMIT_TEXT);
          out.push(String(a[b]));
        }
        out.push("])" + (typed === "ArrayBuffer" ? ".buffer" : ""));
      }
    } else if (Array.isArray(v)) {
      var arr = v as unknown[], limited = limit && arr.length > LIMIT_AMOUNT, first = true;
      out.push(pretty ? "[ " : "[");
      for (var i = 0; i < arr.length; i++) {
        if (limited && i >= LIMITED_AMOUNT && i < arr.length - LIMITED_AMOUNT) continue;
        if (!first) out.push(pretty ? ", " : ",");
        first = false;
        if (limited && i === arr.length - LIMITED_AMOUNT) out.push(LIMIT_TEXT);
        var newNeed = someNewLines && needsNewLine(arr[i]);
        if (need || newNeed) {
          out.push(newLine(indent + 1));
          need = false;
        }
        out.push(json(arr[i], indent + 1));
        need = newNeed;
      }
      var extra = Object.keys(arr).filter(function (k) {
        return !/^[0-9]+$/.test(k);
      });
      // Espruino prints an array's other keys after its items, and ignores whether they wanted a new line.
      if (pretty && extra.length)
        items(extra, function (k) {
          return (arr as unknown as { [k: string]: unknown })[k];
        }, indent, first, out);
      if (need) out.push(newLine(indent));
      out.push(pretty ? " ]" : "]");
    } else {
      var o = v as { [k: string]: unknown };
      out.push(pretty ? "{ " : "{");
      if (items(Object.keys(o), function (k) {
        return o[k];
      }, indent, true, out)) out.push(newLine(indent));
      out.push(pretty ? " }" : "}");
    }
    seen.pop();
    return out.join("");
  }
  return json(value, 0);
}
