// Loading noble (@abandonware/noble, the Bluetooth LE stack the espruino
// tools' own BLE transport, core/serial_noble.js, requires), and saying in
// one line why Bluetooth LE cannot be used when it cannot: no adapter, no
// permission, Bluetooth off, the native part missing. A test hands a
// stand-in module (its path and config) that is loaded instead, in this
// process and in the espruino child. Host only.

import Module = require("module");

/** A stand-in for noble: `module` exports createNoble(config), which may throw as the real require would. */
export interface NobleStandIn {
  module: string;
  config?: unknown;
}

/** The noble this process uses: the stand-in's when one is given, else the real package. */
export function loadNoble(standIn?: NobleStandIn): any {
  if (standIn) return require(standIn.module).createNoble(standIn.config);
  return require("@abandonware/noble");
}

/**
 * Makes require("@abandonware/noble") and require("noble") give the
 * stand-in from now on in this process (the espruino child: the tools
 * require noble themselves). The first require makes it; later ones get the
 * same object, or throw what the first threw.
 */
export function installNoble(standIn: NobleStandIn): void {
  var made: { noble?: unknown; error?: unknown } | undefined;
  var m = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  var load = m._load;
  m._load = function (request: string) {
    if (request !== "@abandonware/noble" && request !== "noble") return load.apply(this, arguments as any);
    if (!made) {
      try {
        made = { noble: loadNoble(standIn) };
      } catch (e) {
        made = { error: e };
      }
    }
    if (made.error) throw made.error;
    return made.noble;
  };
}

var SETCAP = "sudo setcap cap_net_raw+eip $(eval readlink -f $(which node))";
var USB_HINT = "or connect the board over USB and pass its serial port (ristretto ports lists them)";

/** Why noble failed to load (its error), as one line for the user. */
export function nobleLoadProblem(e: unknown): string {
  var code = String((e && (e as NodeJS.ErrnoException).code) || ""), m = String((e && (e as Error).message) || e).split("\n")[0];
  if (/EAFNOSUPPORT|ENODEV|No compatible USB Bluetooth/i.test(code + " " + m))
    return "No Bluetooth adapter on this machine (noble: " + (code || m) + "): plug in a Bluetooth 4.0 adapter, or turn Bluetooth on in the system or virtual machine, " + USB_HINT;
  if (/EPERM|EACCES|not permitted|permission/i.test(code + " " + m))
    return "No permission to use Bluetooth (noble: " + (code || m) + "): let node use raw sockets (" + SETCAP + "), or run as root, " + USB_HINT;
  if (/MODULE_NOT_FOUND|Cannot find module|bindings|NODE_MODULE_VERSION/i.test(code + " " + m))
    return "The Bluetooth LE package @abandonware/noble does not load (" + m + "): it comes with espruino as an optional dependency with a native part; npm install @abandonware/noble in ristretto's folder, " + USB_HINT;
  return "Bluetooth LE cannot be used here (noble: " + m + "), " + USB_HINT;
}

/** Why noble's state rules out a scan, as one line; undefined for poweredOn and for states still to change. */
export function nobleStateProblem(state: string): string | undefined {
  if (state === "unsupported") return nobleLoadProblem({ code: "ENODEV", message: "the adapter does not support Bluetooth LE" });
  if (state === "unauthorized") return nobleLoadProblem({ code: "EPERM", message: "unauthorized" });
  if (state === "poweredOff") return "Bluetooth is off on this machine: turn it on (bluetoothctl power on, or the system's Bluetooth switch), " + USB_HINT;
  return undefined;
}
