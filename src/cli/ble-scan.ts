// The Bluetooth LE boards in range, for ristretto ports --scan: a scan of a
// given length for devices that advertise the Nordic UART service (the
// console of Espruino's Bluetooth boards: Puck.js, Pixl.js, Bangle.js,
// MDBT42Q). The scan runs in a child process of its own (ble-scan-child.ts):
// noble keeps its HCI socket, and so the process, open once started. Host only.

import childProcess = require("child_process");
import path = require("path");
import { nobleStateProblem } from "./noble-load";
import type { NobleStandIn } from "./noble-load";

var NUS = "6e400001b5a3f393e0a9e50e24dcca9e";

export interface BleDevice {
  /** What --port takes: the address (noble's uuid where the system gives no address, as on macOS). */
  address: string;
  name?: string;
  rssi?: number;
}

/** The part of noble a scan uses. */
export interface NobleLike {
  state?: string;
  on(event: string, fn: (...a: any[]) => void): unknown;
  removeListener(event: string, fn: (...a: any[]) => void): unknown;
  startScanning(uuids: string[], allowDuplicates: boolean): void;
  stopScanning(): void;
}

/**
 * Scans for `ms` once the adapter is on; rejects with one line for the user
 * when the adapter's state rules a scan out, or when it does not come on
 * within `ms` (5 s at least).
 */
export function scanBle(noble: NobleLike, ms: number): Promise<BleDevice[]> {
  return new Promise(function (resolve, reject) {
    var found: { [address: string]: BleDevice } = {}, done = false, scanning = false;
    var startup = setTimeout(function () {
      finish(new Error("Bluetooth did not start within " + Math.max(ms, 5000) / 1000 + " s (noble's state: " + noble.state + "): check the adapter (bluetoothctl show), or connect the board over USB"));
    }, Math.max(ms, 5000));
    var timer: ReturnType<typeof setTimeout> | undefined;
    function finish(e?: Error): void {
      if (done) return;
      done = true;
      clearTimeout(startup);
      if (timer) clearTimeout(timer);
      noble.removeListener("discover", discover);
      noble.removeListener("stateChange", state);
      if (scanning) noble.stopScanning();
      if (e) return reject(e);
      resolve(
        Object.keys(found)
          .sort()
          .map(function (k) {
            return found[k];
          }),
      );
    }
    function discover(p: { address?: string; uuid: string; rssi?: number; advertisement?: { localName?: string; serviceUuids?: string[] } }): void {
      var ad = p.advertisement || {}, uuids = (ad.serviceUuids || []).map((u) => u.replace(/-/g, "").toLowerCase());
      if (uuids.indexOf(NUS) < 0) return;
      var address = p.address && p.address !== "unknown" ? p.address : p.uuid;
      found[address] = { address: address, name: ad.localName || (found[address] && found[address].name), rssi: p.rssi };
    }
    function state(s: string): void {
      var problem = nobleStateProblem(s);
      if (problem) return finish(new Error(problem));
      if (s !== "poweredOn" || scanning) return;
      clearTimeout(startup);
      scanning = true;
      noble.startScanning([], true);
      timer = setTimeout(function () {
        finish();
      }, ms);
    }
    noble.on("discover", discover);
    noble.on("stateChange", state); // noble starts the adapter when this listener is added
    if (noble.state === "poweredOn") state("poweredOn");
  });
}

/** scanBle in a child process (ble-scan-child.ts), on the real noble or `standIn`. */
export function scanInChild(ms: number, standIn?: NobleStandIn): Promise<BleDevice[]> {
  return new Promise(function (resolve, reject) {
    var child = childProcess.fork(path.join(__dirname, "ble-scan-child.js"), [], { stdio: ["ignore", "ignore", "ignore", "ipc"] }), answered = false;
    child.on("message", function (m: { devices?: BleDevice[]; error?: string }) {
      answered = true;
      if (m.error) reject(new Error(m.error));
      else resolve(m.devices || []);
    });
    child.on("exit", function (code) {
      if (!answered) reject(new Error("The Bluetooth LE scan ended without an answer (exit code " + code + ")"));
    });
    child.send({ ms: ms, noble: standIn });
  });
}
