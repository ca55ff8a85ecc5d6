// What "ristretto/board" is on the host (tests, the simulator): the names of
// the selected board (default "sim"), as the device build would resolve them.
// host-resolve.ts maps the module name here. Host only.

import { boardIds, boardNames, boardPorts, boardTitle, everyBoardName, isPortName, loadBoard, noBoardHas, portMessage, uartBufferBytes } from "../build/boards";
import { wiringTable } from "../build/board-module";
import type { BoardProfile } from "../build/board-profile";
import path = require("path");

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/sim

var exported: { [name: string]: unknown } = exports;
var wiring: { [pin: string]: [string, number] } = {};
/** The selected board's default serial receive buffer (bytes). */
export var UART_BUFFER_BYTES = 1024;

export function buttonWiring(pin: unknown): [string, number] | undefined {
  return wiring[String(pin)];
}

var pinNames: string[] | undefined, otherNames: string[] | undefined, selected: { [name: string]: unknown } = {};

/** Every pin name some board has: what optional() may name. */
function allPins(): string[] {
  return pinNames || (pinNames = everyBoardName(ROOT));
}

/** Every name some board has: a name the selected board lacks throws when firmware reads it, as the build refuses it. */
function allNames(): string[] {
  if (!otherNames) {
    var seen: { [name: string]: boolean } = {};
    allPins().forEach(function (n) {
      seen[n] = true;
    });
    boardIds(ROOT).forEach(function (id) {
      boardPorts(loadBoard(id, ROOT)).forEach(function (u) {
        seen[u.name] = true;
      });
    });
    otherNames = Object.keys(seen);
  }
  return otherNames;
}

/** The pin `name` of the selected board, or undefined where it has none (the device build folds these calls: fold-optional.ts). */
export function optional(name: string): unknown {
  if (allPins().indexOf(name) < 0) throw new Error(noBoardHas(name));
  return selected.hasOwnProperty(name) ? selected[name] : undefined;
}

/**
 * Makes "ristretto/board" export the names of board `id`, for the firmware
 * that runs next (modules read the names when they run, not when imported).
 */
export function selectBoard(id: string): BoardProfile {
  var p = loadBoard(id, ROOT), names = boardNames(p), has: { [name: string]: boolean } = {};
  Object.getOwnPropertyNames(exported).forEach(function (k) {
    if (k !== "buttonWiring" && k !== "selectBoard" && k !== "optional" && k !== "__esModule" && k !== "UART_BUFFER_BYTES") delete exported[k];
  });
  selected = {};
  names.forEach(function (n) {
    exported[n.name] = selected[n.name] = n.value;
    has[n.name] = true;
  });
  // A serial port is [device, rx, tx]; on the host the device is the port's name (src/hal/sim-uart.ts).
  var ports = boardPorts(p);
  ports.forEach(function (u) {
    exported[u.name] = [u.name, u.rx, u.tx];
    has[u.name] = true;
  });
  allNames().forEach(function (name) {
    if (has[name]) return;
    Object.defineProperty(exported, name, {
      configurable: true,
      enumerable: false,
      get: function () {
        throw new Error(isPortName(name) ? portMessage(name, p) : name + " is not a pin of " + boardTitle(p) + ". Its pins: " + names.map((n) => n.name).join(", "));
      },
    });
  });
  wiring = wiringTable(p);
  exported.UART_BUFFER_BYTES = uartBufferBytes(p);
  return p;
}

// The host's board until createSim(board) or selectBoard(board) picks one: RISTRETTO_BOARD, or "sim".
selectBoard(process.env.RISTRETTO_BOARD || "sim");
