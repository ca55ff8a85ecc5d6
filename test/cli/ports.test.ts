import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { main } from "../../src/cli/ristretto";
import { listSerialPorts, portsCommand } from "../../src/cli/ports";
import type { PortInfo } from "../../src/cli/ports";
import { fakeIo } from "./fake-io";

/** `ristretto ports` with the ports `list` finds. */
async function ports(list: () => Promise<PortInfo[]>, args?: string[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), code = await portsCommand(list).run(args || [], io);
  return { code: code, out: io.stdout, err: io.stderr };
}

var PICO: PortInfo = { path: "/dev/ttyACM0", manufacturer: "STMicroelectronics", serialNumber: "3276345B3432", vendorId: "0483", productId: "5740" };
var BRIDGE: PortInfo = { path: "/dev/ttyUSB10" };

describe("ristretto ports", function () {
  it("lists each port with its maker and USB ids when known, then how to pass one", async function () {
    var r = await ports(() => Promise.resolve([PICO, BRIDGE]));
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.deepStrictEqual(r.out.split("\n"), [
      "/dev/ttyACM0   STMicroelectronics, USB 0483:5740, serial number 3276345B3432",
      "/dev/ttyUSB10",
      "Pass one to flash or monitor: --port /dev/ttyACM0",
      "",
    ]);
  });

  it("says when none is found, and how to pass a TCP port instead (exit code 0)", async function () {
    var r = await ports(() => Promise.resolve([]));
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.strictEqual(
      r.out,
      "No serial ports found: plug the board in over USB (with a cable that carries data), or pass --port tcp://HOST:PORT for a board on the network, such as tcp://192.168.1.20:23 (its telnet console over Wi-Fi) or behind a serial-to-TCP bridge.\n",
    );
  });

  it("says in one line that serialport cannot load, and what to do, with exit code 1", async function () {
    var missing = () => {
      throw new Error("Cannot find module 'serialport'\nRequire stack:\n- /x/ports.js");
    };
    var r = await ports(() => listSerialPorts(missing));
    assert.deepStrictEqual([r.code, r.out], [1, ""]);
    assert.strictEqual(
      r.err,
      "Cannot load the serialport package, so no serial port can be listed or opened: Cannot find module 'serialport'. It comes with espruino as an optional dependency with a native module: npm install serialport in ristretto's folder, or use a TCP port (--port tcp://HOST:PORT)\n",
    );
  });

  it("without udevadm, lists /dev/serial/by-id, then /dev/ttyACM* and /dev/ttyUSB* in number order", async function () {
    var dev = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-dev-"));
    fs.mkdirSync(path.join(dev, "serial/by-id"), { recursive: true });
    ["ttyACM10", "ttyACM2", "ttyUSB0", "ttyS0", "null"].concat(["serial/by-id/usb-Espruino_Pico-if00"]).forEach((n) => fs.writeFileSync(path.join(dev, n), ""));
    var noUdev = () => ({ SerialPort: { list: () => Promise.reject(new Error("spawn udevadm ENOENT")) } });
    var r = await ports(() => listSerialPorts(noUdev, dev));
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.deepStrictEqual(r.out.split("\n"), [dev + "/serial/by-id/usb-Espruino_Pico-if00", dev + "/ttyACM2", dev + "/ttyACM10", dev + "/ttyUSB0", "Pass one to flash or monitor: --port " + dev + "/serial/by-id/usb-Espruino_Pico-if00", ""]);
  });

  it("without udevadm and with no such device nodes, says none is found (exit code 0)", async function () {
    var noUdev = () => ({ SerialPort: { list: () => Promise.reject(new Error("spawn udevadm ENOENT")) } });
    var r = await ports(() => listSerialPorts(noUdev, fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-dev-"))));
    assert.deepStrictEqual([r.code, r.err], [0, ""]);
    assert.match(r.out, /^No serial ports found: /);
  });

  it("says in one line that listing failed for another reason, and how to pass a port anyway", async function () {
    var broken = () => ({ SerialPort: { list: () => Promise.reject(new Error("EIO: bus error")) } });
    var r = await ports(() => listSerialPorts(broken));
    assert.deepStrictEqual([r.code, r.out], [1, ""]);
    assert.strictEqual(
      r.err,
      "Cannot list the serial ports: EIO: bus error. Pass the port's path if you know it (--port /dev/ttyACM0, --port COM3), or --port tcp://HOST:PORT for a board on the network, such as tcp://192.168.1.20:23 (its telnet console over Wi-Fi) or behind a serial-to-TCP bridge\n",
    );
  });

  it("hands on what serialport lists", async function () {
    var found = await listSerialPorts(() => ({ SerialPort: { list: () => Promise.resolve([PICO]) } }));
    assert.deepStrictEqual(found, [PICO]);
  });

  it("with the installed serialport, lists the ports or fails in one line, never with a stack trace", async function () {
    var io = fakeIo(), code = await main(["ports"], io);
    if (code === 0) assert.match(io.stdout, /^(No serial ports found: |\S+.*\nPass one to flash or monitor: --port )/);
    else {
      assert.strictEqual(code, 1);
      assert.match(io.stderr, /^Cannot (list the serial ports|load the serialport package): [^\n]*\n$/);
      assert.doesNotMatch(io.stderr, /udevadm/);
    }
  });

  it("--help lists its options; an argument is bad usage (exit code 2)", async function () {
    var help = await ports(() => Promise.resolve([]), ["--help"]), bad = await ports(() => Promise.resolve([]), ["/dev/ttyACM0"]);
    assert.strictEqual(help.code, 0);
    ["usage: ristretto ports", "--help", "tcp://HOST:PORT", "Exit code"].forEach((s) => assert.ok(help.out.indexOf(s) >= 0, s + " in:\n" + help.out));
    assert.deepStrictEqual([bad.code, bad.err], [2, "ristretto ports takes no arguments, got /dev/ttyACM0\nRun ristretto ports --help for the options.\n"]);
  });
});
