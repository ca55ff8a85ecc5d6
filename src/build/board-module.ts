// What "ristretto/board" is in a bundle: each name of the board as the value
// the runtime takes (a pin name on Espruino, a GPIO number on Kaluma), and how
// its buttons are wired, and its serial ports. Rollup keeps only the names the app uses. Host only.

import type { BoardProfile } from "./board-profile";
import { boardNames, boardPorts, uartBufferBytes } from "./boards";

/** buttonWiring's table: pin value -> [pull, activeLow (0/1)]. */
export function wiringTable(p: BoardProfile): { [pin: string]: [string, number] } {
  var t: { [pin: string]: [string, number] } = {};
  Object.keys(p.buttons).forEach(function (n) {
    var b = p.buttons[n], spec = p.pins[b.pin];
    t[String(spec.id !== undefined ? spec.id : b.pin)] = [b.pull, b.activeLow ? 1 : 0];
  });
  return t;
}

export function boardModule(p: BoardProfile): string {
  var lines = boardNames(p).map(function (n) {
    return "export var " + n.name + " = " + JSON.stringify(n.value) + ";";
  });
  // A serial port is [device, rx, tx]: on Espruino the device is its Serial object (a global).
  // Rollup keeps a bare read of a global (it might throw), so it is made in a pure call, dropped when unused.
  boardPorts(p).forEach(function (u) {
    var device = p.runtime === "espruino" ? String(u.device) : JSON.stringify(u.device);
    lines.push("export var " + u.name + " = /*#__PURE__*/ (function () { return [" + device + ", " + JSON.stringify(u.rx) + ", " + JSON.stringify(u.tx) + "]; })();");
  });
  lines.push("export var UART_BUFFER_BYTES = " + uartBufferBytes(p) + ";");
  lines.push("var WIRING = " + JSON.stringify(wiringTable(p)) + ";");
  lines.push("export function buttonWiring(pin) { return WIRING[pin]; }");
  // Every optional("NAME") call is folded to the board's value (fold-optional.ts), so this one is never kept.
  lines.push("export function optional() {}");
  return lines.join("\n") + "\n";
}
