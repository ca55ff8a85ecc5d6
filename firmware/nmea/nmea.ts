// NMEA 0183 sentences ("$GPGGA,...*47"): the checksum is the XOR of every
// character between "$" and "*", in two hex digits. Parsed with indexOf and
// split (Espruino's regular expressions lack ? and {n}).

export interface Sentence {
  /** "GPGGA" */
  type: string;
  fields: string[];
}

function hex2(n: number): string {
  var h = "0123456789ABCDEF";
  return h.charAt(n >> 4) + h.charAt(n & 15);
}

/** The sentence in `line` (its "\r\n" or not), or why it is not one. */
export function parseNmea(line: string): Sentence | string {
  var s = line, end = s.length, i: number, sum = 0;
  while (end > 0 && (s.charAt(end - 1) === "\n" || s.charAt(end - 1) === "\r")) end--;
  s = s.slice(0, end);
  if (s.charAt(0) !== "$") return "not a sentence: " + JSON.stringify(s);
  var star = s.indexOf("*");
  if (star < 0 || star + 3 !== s.length) return "no checksum: " + s;
  for (i = 1; i < star; i++) sum ^= s.charCodeAt(i);
  var given = s.slice(star + 1).toUpperCase();
  if (given !== hex2(sum)) return "bad checksum " + given + " (expected " + hex2(sum) + "): " + s;
  var f = s.slice(1, star).split(",");
  return { type: f[0], fields: f.slice(1) };
}

/** "4807.038", "N" to degrees, 4 decimals ("48.1173"); "" if empty. */
export function degrees(value: string, hemisphere: string): string {
  if (!value) return "";
  var dot = value.indexOf("."), deg = parseInt(value.slice(0, dot - 2), 10), min = parseFloat(value.slice(dot - 2));
  var d = deg + min / 60;
  return (hemisphere === "S" || hemisphere === "W" ? "-" : "") + d.toFixed(4);
}
