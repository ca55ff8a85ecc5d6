// Espruino's own name for a board: process.env.BOARD on the device, and the
// board JSON EspruinoTools looks for (espruino.com/json/<BOARD>.json). It is
// the boards/<BOARD>.py of Espruino's source a profile was taken from. Host only.

import type { BoardProfile } from "./board-profile";

/** PICO_R1_3, PUCKJS: the Espruino boards/<ID>.py named in the profile's source, else the profile id in capitals. */
export function espruinoBoardId(p: BoardProfile): string {
  var m = /Espruino boards\/([A-Z0-9_]+)\.py/.exec(p.source);
  return m ? m[1] : p.id.toUpperCase().replace(/-/g, "_");
}
