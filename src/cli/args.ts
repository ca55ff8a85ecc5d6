// The command line of every `ristretto` command: options from a table, the
// values they take (durations such as 1.5s, button presses such as
// BTN1@1.5s:800ms), and the usage text made from the same table. A mistake is
// a "bad usage" error (exit code 2) that names the option, what it expects
// and what it got. Host only.

/** One option of a command: `--until <duration>`, `--no-tty`, repeatable `--press <spec>`. */
export interface OptionSpec {
  /** "--until" */
  name: string;
  /** What its value is called in the usage ("duration"); none for a flag. */
  value?: string;
  /** It may be given more than once (its values are kept in order). */
  repeat?: boolean;
  help: string;
}

export interface ParsedArgs {
  /** The arguments that are not options, in order. */
  positional: string[];
  /** By option name without the dashes: a string, a string[] (repeat) or true (a flag). Absent when not given. */
  options: { [name: string]: string | string[] | true };
}

/** An error in what the user typed (exit code 2), not a failure of the command. */
export function usageError(message: string): Error {
  var e = new Error(message);
  (e as any).badUsage = true;
  return e;
}

export function isUsageError(e: unknown): boolean {
  return !!(e && (e as any).badUsage);
}

/** Reads argv against `specs`; `--name value` and `--name=value` both work. */
export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  var out: ParsedArgs = { positional: [], options: {} }, i: number;
  for (i = 0; i < argv.length; i++) {
    var a = argv[i];
    if (a.charAt(0) !== "-" || a === "-") {
      out.positional.push(a);
      continue;
    }
    var eq = a.indexOf("="), name = eq > 0 ? a.slice(0, eq) : a, spec = find(specs, name);
    if (!spec) throw usageError("Unknown option " + name + ". Options: " + names(specs));
    var key = spec.name.replace(/^-+/, "");
    if (!spec.value) {
      if (eq > 0) throw usageError(spec.name + " takes no value, got " + JSON.stringify(a.slice(eq + 1)));
      out.options[key] = true;
      continue;
    }
    var v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw usageError(spec.name + ": expected a " + spec.value + " after it, got nothing");
    if (spec.repeat) out.options[key] = ((out.options[key] as string[]) || []).concat(v);
    else if (out.options.hasOwnProperty(key)) throw usageError(spec.name + " was given twice (" + JSON.stringify(out.options[key]) + " and " + JSON.stringify(v) + "): give it once");
    else out.options[key] = v;
  }
  return out;
}

function names(specs: OptionSpec[]): string {
  return specs
    .map(function (s) {
      return s.name;
    })
    .join(", ");
}

function find(specs: OptionSpec[], name: string): OptionSpec | undefined {
  for (var i = 0; i < specs.length; i++) if (specs[i].name === name || (name === "-h" && specs[i].name === "--help")) return specs[i];
  return undefined;
}

/** The option lines of a usage text, aligned. */
export function optionsHelp(specs: OptionSpec[]): string {
  var heads = specs.map(function (s) {
    return s.name + (s.value ? " <" + s.value + ">" : "");
  });
  var w = Math.max.apply(
    Math,
    heads.map(function (h) {
      return h.length;
    }),
  );
  return specs
    .map(function (s, i) {
      return "  " + heads[i] + new Array(w - heads[i].length + 3).join(" ") + s.help;
    })
    .join("\n");
}

var UNITS: { [unit: string]: number } = { ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Milliseconds of "800ms", "1.5s", "2m", "1h"; `what` names the option in the error. */
export function parseDuration(what: string, text: string): number {
  var m = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)$/.exec(text);
  if (!m) throw usageError(what + ": expected a duration such as 10s, 1.5s, 800ms or 2m, got " + JSON.stringify(text));
  return Math.round(parseFloat(m[1]) * UNITS[m[2]] * 1000) / 1000; // to the microsecond, as the VCD
}

/** A scripted button press: `BTN1@1.5s:800ms:5ms` is BTN1 pressed at 1.5 s, held 800 ms, bouncing 5 ms at each edge. */
export interface PressSpec {
  pin: string;
  at: number;
  /** Absent: the simulator's default (100 ms). */
  holdMs?: number;
  bounceMs?: number;
  /** The text it was read from, for errors. */
  text: string;
}

/** Bytes sent to a serial port: `SERIAL1@1s:$GPGGA,...\r\n` is that line sent to SERIAL1 at 1 s. */
export interface SendSpec {
  port: string;
  at: number;
  /** The bytes, escapes decoded (\r \n \t \\ \xHH). */
  data: string;
  /** The text it was read from, for errors. */
  text: string;
}

var ESCAPES: { [c: string]: string } = { r: "\r", n: "\n", t: "\t", "\\": "\\" };

export function parseSend(text: string): SendSpec {
  var m = /^([A-Za-z_]\w*)@([^:]+):([\s\S]*)$/.exec(text);
  if (!m || !m[3]) throw usageError("--send: expected PORT@TIME:TEXT such as SERIAL1@1s:hello\\r\\n (escapes: \\r \\n \\t \\\\ \\xHH), got " + JSON.stringify(text));
  var raw = m[3], data = "", i: number;
  for (i = 0; i < raw.length; i++) {
    var c = raw.charAt(i), e = raw.charAt(i + 1), hex = raw.substr(i + 2, 2);
    if (c !== "\\") data += c;
    else if (ESCAPES[e] !== undefined) data += ESCAPES[e], i++;
    else if (e === "x" && /^[0-9A-Fa-f]{2}$/.test(hex)) data += String.fromCharCode(parseInt(hex, 16)), i += 3;
    else throw usageError("--send " + text + ": unknown escape \\" + (e === "x" ? "x" + hex : e) + ": expected \\r \\n \\t \\\\ or \\xHH");
  }
  return { port: m[1], at: parseDuration("--send " + text + " (when)", m[2]), data: data, text: text };
}

export function parsePress(text: string): PressSpec {
  var m = /^([A-Za-z_][\w]*)@([^:]+)(?::([^:]+))?(?::([^:]+))?$/.exec(text);
  if (!m) throw usageError("--press: expected PIN@TIME[:HOLD[:BOUNCE]] such as BTN1@1.5s or BTN1@1.5s:800ms, got " + JSON.stringify(text));
  var what = "--press " + text, p: PressSpec = { pin: m[1], at: parseDuration(what + " (when)", m[2]), text: text };
  if (m[3] !== undefined) p.holdMs = parseDuration(what + " (how long it is held)", m[3]);
  if (m[4] !== undefined) p.bounceMs = parseDuration(what + " (how long it bounces)", m[4]);
  if (p.holdMs !== undefined && !(p.holdMs > 0)) throw usageError(what + ": expected a hold longer than 0 ms, got " + m[3]);
  return p;
}
