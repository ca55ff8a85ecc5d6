// ristretto ports: the serial ports a board could be on, from the `serialport`
// package (an optional dependency of `espruino`, with a native module that may
// be missing), and with --scan the Bluetooth LE boards in range (ble-scan.ts).
// flash and monitor use listSerialPorts() and NO_PORT_HINT when no --port is
// given. Host only.

import { isUsageError, optionsHelp, parseArgs, parseDuration, usageError } from "./args";
import type { OptionSpec } from "./args";
import { EXIT } from "./command";
import fs = require("fs");
import path = require("path");
import type { Command, Io } from "./command";
import { scanInChild } from "./ble-scan";
import { alignRows } from "./boards";
import type { BleDevice } from "./ble-scan";
import type { NobleStandIn } from "./noble-load";

/** A serial port as `serialport` describes it; only `path` is sure to be there. */
export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/** The part of the `serialport` package used here. */
export interface SerialPortModule {
  SerialPort: { list(): Promise<PortInfo[]> };
}

/** How to pass a port that is not a serial port. */
export var TCP_HINT = "--port tcp://HOST:PORT for a board on the network, such as tcp://192.168.1.20:23 (its telnet console over Wi-Fi) or behind a serial-to-TCP bridge";

function loadSerialPort(): SerialPortModule {
  return require("serialport");
}

/**
 * The serial ports found. Throws an Error whose message is one line for the
 * user when `serialport` cannot load or cannot list. On Linux it lists with
 * udevadm, which minimal systems and containers lack: then the device nodes
 * under `dev` are the list (devPorts).
 */
export async function listSerialPorts(load?: () => SerialPortModule, dev?: string): Promise<PortInfo[]> {
  var sp: SerialPortModule;
  try {
    sp = (load || loadSerialPort)();
  } catch (e) {
    throw new Error(
      "Cannot load the serialport package, so no serial port can be listed or opened: " + firstLine(e) +
        ". It comes with espruino as an optional dependency with a native module: npm install serialport in ristretto's folder, or use a TCP port (--port tcp://HOST:PORT)",
    );
  }
  try {
    return await sp.SerialPort.list();
  } catch (e) {
    var why = firstLine(e);
    if (/udevadm/.test(why)) return devPorts(dev || "/dev");
    throw new Error("Cannot list the serial ports: " + why + ". Pass the port's path if you know it (--port /dev/ttyACM0, --port COM3), or " + TCP_HINT);
  }
}

/**
 * The serial ports as device nodes, without udevadm: /dev/serial/by-id/*
 * (names that say the maker and serial number, and survive replugging),
 * then /dev/ttyACM* (USB CDC, as Espruino boards are) and /dev/ttyUSB*
 * (USB-serial bridges). A folder that is missing lists nothing.
 */
export function devPorts(dev: string): PortInfo[] {
  function names(dir: string, re: RegExp): string[] {
    try {
      return fs.readdirSync(path.join(dev, dir)).filter((n) => re.test(n)).sort(byNumber).map((n) => path.posix.join(dev, dir, n));
    } catch (e) {
      return [];
    }
  }
  return names("serial/by-id", /./).concat(names("", /^ttyACM\d+$/), names("", /^ttyUSB\d+$/)).map((p) => ({ path: p }));
}

/** ttyACM2 before ttyACM10. */
function byNumber(a: string, b: string): number {
  var na = /\d+$/.exec(a), nb = /\d+$/.exec(b);
  var pa = na ? a.slice(0, na.index) : a, pb = nb ? b.slice(0, nb.index) : b;
  return pa < pb ? -1 : pa > pb ? 1 : (na ? +na[0] : 0) - (nb ? +nb[0] : 0) || (a < b ? -1 : a > b ? 1 : 0);
}

function firstLine(e: unknown): string {
  return String((e && (e as Error).message) || e).split("\n")[0];
}

/** One line per port: its path, then what is known of the device. */
export function portLines(ports: PortInfo[]): string {
  var w = 0;
  ports.forEach(function (p) {
    w = Math.max(w, p.path.length);
  });
  return ports
    .map(function (p) {
      var about = [p.manufacturer, p.vendorId && p.productId ? "USB " + p.vendorId + ":" + p.productId : "", p.serialNumber ? "serial number " + p.serialNumber : ""].filter(Boolean).join(", ");
      return (p.path + new Array(w - p.path.length + 3).join(" ") + about).replace(/\s+$/, "");
    })
    .join("\n");
}

/** What flash and monitor say to a missing --port: the ports found and how to pass one. */
export async function noPortMessage(list: () => Promise<PortInfo[]>): Promise<string> {
  var found: string;
  try {
    var ports = await list();
    found = ports.length ? "Serial ports found:\n" + portLines(ports) + "\nPass one: --port " + ports[0].path + ", or " : "No serial ports found (is the board plugged in, with a data cable?). Pass ";
  } catch (e) {
    found = String((e as Error).message) + "\nPass a serial port's path (--port /dev/ttyACM0, --port COM3), or ";
  }
  return "No --port given. " + found + TCP_HINT;
}

var OPTIONS: OptionSpec[] = [
  { name: "--scan", value: "duration", help: "also scan that long for Bluetooth LE boards (advertising the Nordic UART service), such as 5s" },
  { name: "--help", help: "this text" },
];

var USAGE = [
  "usage: ristretto ports [--scan 5s]",
  "Lists the serial ports found (a board on USB is one), with the maker and USB ids when known: pass one to flash",
  "and monitor as --port <path>. A board reached over the network is --port tcp://HOST:PORT. With --scan, also the",
  "Bluetooth LE boards in range that offer Espruino's console (Puck.js, Pixl.js, Bangle.js, MDBT42Q): pass one to",
  "flash as --port <address> or --port \"<name>\".",
  "",
  optionsHelp(OPTIONS),
  "",
  "Exit code: 0 listed (none found is an answer too); 1 the serialport package cannot load or list, or Bluetooth",
  "cannot scan (no adapter, no permission); 2 bad usage.",
].join("\n");

/** One line per Bluetooth LE device: its address, its name, its signal. */
function bleLines(devices: BleDevice[]): string {
  var rows = devices.map(function (d) {
    return [d.address, d.name || "", d.rssi !== undefined ? "RSSI " + d.rssi + " dBm" : ""];
  });
  return alignRows(rows).replace(/ +$/gm, "");
}

/** What --scan lists, and what to do with it. */
function bleReport(devices: BleDevice[], ms: number): string {
  var scan = "a " + ms / 1000 + " s scan";
  if (!devices.length) return "No Bluetooth LE boards offering the Nordic UART service in " + scan + ": is the board powered, in range, and not connected to another program (the Espruino IDE, a phone)?\n";
  var d = devices[0];
  return "Bluetooth LE boards (" + scan + "):\n" + bleLines(devices) + "\nPass one to flash: --port " + d.address + (d.name ? ", or --port " + JSON.stringify(d.name) : "") + "\n";
}

/** `ristretto ports` listing with `list`, and for --scan scanning on noble, or on `noble`'s stand-in (tests give their own). */
export function portsCommand(list: () => Promise<PortInfo[]>, noble?: NobleStandIn): Command {
  return {
    run: async function (argv: string[], io: Io): Promise<number> {
      try {
        var a = parseArgs(argv, OPTIONS);
        if (a.options.help) {
          io.out(USAGE + "\n");
          return EXIT.OK;
        }
        if (a.positional.length) throw usageError("ristretto ports takes no arguments, got " + a.positional.join(" "));
        var scanMs = a.options.scan ? parseDuration("--scan", a.options.scan as string) : 0;
        if (a.options.scan && !scanMs) throw usageError("--scan: expected a duration longer than 0, such as 5s, got " + JSON.stringify(a.options.scan));
      } catch (e) {
        if (!isUsageError(e)) throw e;
        io.err((e as Error).message + "\nRun ristretto ports --help for the options.\n");
        return EXIT.USAGE;
      }
      var code = EXIT.OK;
      try {
        var ports = await list();
        if (!ports.length) io.out("No serial ports found: plug the board in over USB (with a cable that carries data), or pass " + TCP_HINT + ".\n");
        else io.out(portLines(ports) + "\n" + "Pass one to flash or monitor: --port " + ports[0].path + "\n");
      } catch (e) {
        io.err(firstLine(e) + "\n");
        code = EXIT.FAILED;
      }
      if (!scanMs) return code;
      try {
        io.out(bleReport(await scanInChild(scanMs, noble), scanMs));
      } catch (e) {
        io.err(firstLine(e) + "\n");
        code = EXIT.FAILED;
      }
      return code;
    },
  };
}

export var command: Command = portsCommand(function () {
  return listSerialPorts();
});
