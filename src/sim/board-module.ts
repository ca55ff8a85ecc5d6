// What "ristretto/board" is on the host (tests, the simulator): the names of
// the selected board (default "sim"), as the device build would resolve them.
// host-resolve.ts maps the module name here. Host only.

import { boardNames, loadBoard } from "../build/boards";
import { wiringTable } from "../build/board-module";
import type { BoardProfile } from "../build/board-profile";
import path = require("path");

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/sim

var exported: { [name: string]: unknown } = exports;
var wiring: { [pin: string]: [string, number] } = {};

export function buttonWiring(pin: unknown): [string, number] | undefined {
  return wiring[String(pin)];
}

/**
 * Makes "ristretto/board" export the names of board `id`, for the firmware
 * that runs next (modules read the names when they run, not when imported).
 */
export function selectBoard(id: string): BoardProfile {
  var p = loadBoard(id, ROOT);
  Object.keys(exported).forEach(function (k) {
    if (k !== "buttonWiring" && k !== "selectBoard" && k !== "__esModule") delete exported[k];
  });
  boardNames(p).forEach(function (n) {
    exported[n.name] = n.value;
  });
  wiring = wiringTable(p);
  return p;
}

selectBoard("sim");
