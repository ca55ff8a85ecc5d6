// ristretto ports --scan: the Bluetooth LE boards that advertise the Nordic
// UART service, listed beside the serial ports. The scan runs in its child
// process (ble-scan-child.ts) on the stand-in for noble that the BLE flash
// tests use (fake-noble.ts): it advertises every device in range before any
// scan can end, so no verdict here waits on the clock.

import assert = require("assert");
import path = require("path");
import { main } from "../../src/cli/ristretto";
import { portsCommand } from "../../src/cli/ports";
import type { PortInfo } from "../../src/cli/ports";
import { fakeIo } from "./fake-io";
import { noAdapterHere } from "./fake-noble";
import type { FakeNobleConfig } from "./fake-noble";

var FAKE = path.join(__dirname, "fake-noble.js");
var PICO: PortInfo = { path: "/dev/ttyACM0", manufacturer: "STMicroelectronics", vendorId: "0483", productId: "5740" };
var PUCK = { address: "aa:bb:cc:dd:ee:ff", name: "Puck.js 1a2b", rssi: -48 };
var PIXL = { address: "11:22:33:44:55:66", name: "Pixl.js 9c0d", rssi: -71 };
var SERIAL_LINES = ["/dev/ttyACM0  STMicroelectronics, USB 0483:5740", "Pass one to flash or monitor: --port /dev/ttyACM0"];

/** `ristretto ports <args>` with PICO on serial and noble's stand-in configured by `ble`. */
async function ports(args: string[], ble: FakeNobleConfig, serial?: PortInfo[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), code = await portsCommand(() => Promise.resolve(serial || [PICO]), { module: FAKE, config: ble }).run(args, io);
  return { code: code, out: io.stdout, err: io.stderr };
}

describe("ristretto ports --scan, on a stand-in for noble", function () {
  this.timeout(60000); // a hang guard: each scan ends by itself, and every device is advertised before it can

  it("lists the boards that advertise the Nordic UART service (address, name, RSSI) after the serial ports, and how to pass one", async function () {
    var thermometer = { address: "de:ad:be:ef:00:01", name: "Thermometer", otherService: true };
    var r = await ports(["--scan", "300ms"], { devices: [PUCK, thermometer, PIXL] });
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.deepStrictEqual(
      r.out.split("\n"),
      SERIAL_LINES.concat([
        "Bluetooth LE boards (a 0.3 s scan):",
        "11:22:33:44:55:66  Pixl.js 9c0d  RSSI -71 dBm",
        "aa:bb:cc:dd:ee:ff  Puck.js 1a2b  RSSI -48 dBm",
        'Pass one to flash: --port 11:22:33:44:55:66, or --port "Pixl.js 9c0d"',
        "",
      ]),
    );
  });

  it("says when no board is in range, and what to check (exit code 0)", async function () {
    var r = await ports(["--scan", "300ms"], { devices: [{ address: "de:ad:be:ef:00:01", name: "Thermometer", otherService: true }] }, []);
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.match(r.out, /^No serial ports found: .*\nNo Bluetooth LE boards offering the Nordic UART service in a 0\.3 s scan: is the board powered, in range, and not connected to another program \(the Espruino IDE, a phone\)\?\n$/);
  });

  it("without a Bluetooth adapter (EAFNOSUPPORT) says so in one line, and what to do, and still lists the serial ports (exit code 1)", async function () {
    var r = await ports(["--scan", "5s"], { throws: "EAFNOSUPPORT", devices: [PUCK] });
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(r.out.split("\n"), SERIAL_LINES.concat([""]));
    assert.match(r.err, /^No Bluetooth adapter on this machine \(noble: EAFNOSUPPORT\): plug in a Bluetooth 4\.0 adapter, [^\n]*or connect the board over USB[^\n]*\n$/);
  });

  it("without the permission to use Bluetooth, or with Bluetooth off, says which in one line and what to do (exit code 1)", async function () {
    var denied = await ports(["--scan", "5s"], { state: "unauthorized", devices: [PUCK] });
    assert.deepStrictEqual([denied.code, denied.out], [1, SERIAL_LINES.concat([""]).join("\n")]);
    assert.match(denied.err, /^No permission to use Bluetooth [^\n]*setcap cap_net_raw\+eip[^\n]*\n$/);
    var off = await ports(["--scan", "5s"], { state: "poweredOff", devices: [PUCK] });
    assert.strictEqual(off.code, 1);
    assert.match(off.err, /^Bluetooth is off on this machine: turn it on \(bluetoothctl power on, [^\n]*\n$/);
  });

  it("with the real noble on a machine without an adapter (this one: EAFNOSUPPORT), says so", async function () {
    if (!noAdapterHere()) return this.skip(); // the stand-in's EAFNOSUPPORT above covers the message
    var io = fakeIo(), code = await main(["ports", "--scan", "1s"], io);
    assert.strictEqual(code, 1);
    assert.match(io.stderr, /No Bluetooth adapter on this machine \(noble: (EAFNOSUPPORT|ENODEV)\): [^\n]*\n$/);
  });

  it("--help documents --scan; a malformed or zero duration is bad usage that says what is expected (exit code 2)", async function () {
    var help = await ports(["--help"], {});
    assert.strictEqual(help.code, 0);
    ["usage: ristretto ports [--scan 5s]", "--scan <duration>", "Nordic UART service", "Bluetooth LE", "--port <address>"].forEach((s) => assert.ok(help.out.indexOf(s) >= 0, s + " in:\n" + help.out));
    var bad: [string[], string][] = [
      [["--scan", "5"], '--scan: expected a duration such as 10s, 1.5s, 800ms or 2m, got "5"'],
      [["--scan", "soon"], '--scan: expected a duration such as 10s, 1.5s, 800ms or 2m, got "soon"'],
      [["--scan", "0s"], '--scan: expected a duration longer than 0, such as 5s, got "0s"'],
    ];
    for (var i = 0; i < bad.length; i++) {
      var r = await ports(bad[i][0], { devices: [PUCK] });
      assert.deepStrictEqual([r.code, r.out, r.err], [2, "", bad[i][1] + "\nRun ristretto ports --help for the options.\n"]);
    }
    var missing = await ports(["--scan"], {});
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /^--scan: expected a duration after it, got nothing\n/);
  });
});
