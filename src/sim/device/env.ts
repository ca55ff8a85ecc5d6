// What the virtual device answers to process.env (jswrap_process_env in
// Espruino's src/jswrap_process.c, commit c5ff787), for a board profile.
// EspruinoTools reads it on connect: VERSION above 1v43 with CONSOLE "Telnet"
// turns its slow, throttled writes off; MODULES says which require()s are
// built in (so the tools do not look them up online); BOARD names the board
// JSON the tools try to load. EMULATED is what Espruino's own emulator sets.

import type { BoardProfile } from "../../build/board-profile";
import { espruinoBoardId } from "../../build/espruino-board";

export { espruinoBoardId };

/** The Espruino version the device speaks: the banner, process.env.VERSION. */
export var ESPRUINO_VERSION = "2v29";

export function deviceEnv(p: BoardProfile, version?: string): { [key: string]: string | number | boolean } {
  return {
    VERSION: version || ESPRUINO_VERSION,
    GIT_COMMIT: "c5ff787",
    EMULATED: true,
    BOARD: espruinoBoardId(p),
    RAM: p.memory.ramBytes,
    FLASH: 0,
    STORAGE: p.flash.codeBytes,
    SERIAL: "ristretto-" + p.id,
    CONSOLE: "Telnet",
    MODULES: "Storage",
    EXPTR: 0,
  };
}
