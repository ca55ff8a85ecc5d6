// What Kaluma's REPL prints, byte for byte (src/repl.c and src/jerryxx.c,
// kaluma-project/kaluma at 10ae3fc, the same in tag 1.2.1), for the virtual
// Kaluma device. Host only.

/** The firmware the virtual Kaluma device reports by default: the last release that builds the pico boards. */
export var KALUMA_VERSION = "1.2.1";

var NORMAL = "\x1b[0m", RED = "\x1b[31m";

/**
 * km_repl_print_prompt: back to the normal colour, then with echo on the
 * prompt after saving the cursor ("\r ESC 7 > "), and a query of the
 * terminal's width (ESC [ 6 n) whose answer the REPL reads as an escape.
 */
export function prompt(echo: boolean, buffer: string): string {
  return NORMAL + (echo ? "\r\x1b7> " + buffer + "\x1b[H\x1b[900C\x1b[6n\x1b8\x1b[2C" : "");
}

/** .hi, printed at power on. */
export function welcome(version: string): string {
  return [
    "         ___",
    "   _____/ . \\   Welcome to Kaluma v" + version,
    "  /        __>  https://kaluma.io",
    " |/\\________/",
    "  \\__@  v  v    Type '.help' for more info.",
    "-----------------------------------------------",
    "",
    "",
  ].join("\r\n");
}

/** jerryxx_print_error without the stack: the message in red. */
export function errorLine(message: string): string {
  return RED + message + "\r\n" + NORMAL;
}

/** km_repl_pretty_print at depth 3 for what a sandbox gives back (plain data). */
export function pretty(v: unknown, depth?: number, indent?: number): string {
  var d = depth === undefined ? 3 : depth, ind = indent || 0;
  if (v === undefined) return "\x1b[90mundefined" + NORMAL;
  if (v === null) return "\x1b[90mnull" + NORMAL;
  if (typeof v === "string") return "\x1b[93m'" + v + "'" + NORMAL;
  if (typeof v === "number" || typeof v === "boolean") return "\x1b[95m" + String(v) + NORMAL;
  if (typeof v !== "object") return "\x1b[96m[Function]" + NORMAL;
  var pad = new Array(ind + 3).join(" ");
  if (Array.isArray(v)) {
    if (d === 0) return "\x1b[96m[Array]" + NORMAL;
    if (!v.length) return "[]";
    return "[\r\n" + v.map((x) => pad + pretty(x, d - 1, ind + 2)).join(",\r\n") + "\r\n" + pad.slice(2) + "]";
  }
  if (d === 0) return "\x1b[96m[Object]" + NORMAL;
  var keys = Object.keys(v as object);
  if (!keys.length) return "{}";
  return "{\r\n" + keys.map((k) => pad + k + ": " + pretty((v as { [k: string]: unknown })[k], d - 1, ind + 2)).join(",\r\n") + "\r\n" + pad.slice(2) + "}";
}

/** .help */
export var HELP = [
  ".help\tPrint this help message",
  ".hi\tPrint welcome message",
  ".echo\tEcho on/off",
  ".reset\tSoft reset",
  ".flash\tCommands for flash",
  ".load\tLoad code from flash",
  ".mem\tHeap memory status",
  ".gc\tPerform garbage collection",
  "",
  "CTRL+C\tAbort running code",
  "CTRL+D\tSoft reset",
  "",
].join("\r\n");

/** .flash with no option. */
export var FLASH_HELP = [".flash command options:", "-w\tWrite code to flash via YMODEM", "-e\tErase the code in flash", "-t\tPrint total size of flash for code", "-s\tPrint the size of the code in flash", "-r\tPrint the code in flash", ""].join("\r\n");

/** What `.flash -w` prints once the transfer is over, by km_ymodem_receive's result. */
export var TRANSFER_RESULT = { ok: "Done", abort: "Aborted", data: "Verification failed" };
