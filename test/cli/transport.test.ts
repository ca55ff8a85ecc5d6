import assert = require("assert");
import net = require("net");
import path = require("path");
import { openLink } from "../../src/cli/transport";
import type { Link, SerialPortCtor } from "../../src/cli/transport";
import { ptyBridge } from "./port-fixtures";

/** A loopback TCP server; `got` collects what clients sent, `sockets` the clients. */
function server(): Promise<{ port: number; got: () => string; sockets: net.Socket[]; close(): void }> {
  return new Promise(function (resolve) {
    var got = "", sockets: net.Socket[] = [];
    var s = net.createServer(function (c) {
      sockets.push(c);
      c.on("data", (b) => void (got += b.toString("latin1")));
      c.on("error", () => undefined);
    });
    s.listen(0, "127.0.0.1", () =>
      resolve({ port: (s.address() as net.AddressInfo).port, got: () => got, sockets: sockets, close: () => (sockets.forEach((c) => c.destroy()), s.close()) }),
    );
  });
}

/** Resolves when `test` holds, checking at each event-loop turn (no fixed sleep). */
async function until(test: () => boolean, what: string, ms?: number): Promise<void> {
  var end = Date.now() + (ms || 5000);
  while (!test()) {
    if (Date.now() > end) throw new Error("timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function collect(link: Link): () => string {
  var text = "";
  link.onData((b) => void (text += b.toString("latin1")));
  return () => text;
}

var noPorts = () => Promise.resolve([]);

describe("transport: tcp:// links", function () {
  it("carries bytes both ways and reports a close from the far end as an error", async function () {
    var s = await server();
    try {
      var link = await openLink("tcp://127.0.0.1:" + s.port, { baud: 115200 });
      var got = collect(link), closed: Error | undefined | null = null;
      link.onClose((e) => void (closed = e));
      link.write("hello\r");
      await until(() => s.got() === "hello\r", "the server to read");
      s.sockets[0].write("> ");
      await until(() => got() === "> ", "the link to read");
      s.sockets[0].destroy();
      await until(() => closed !== null, "the close");
      assert.match(String(closed), /closed/);
    } finally {
      s.close();
    }
  });

  it("a refused connection is one line naming the port", async function () {
    var s = await server();
    var port = s.port;
    s.close();
    await assert.rejects(openLink("tcp://127.0.0.1:" + port, { baud: 115200 }), { message: "Nothing answers at tcp://127.0.0.1:" + port + ": connection refused (nothing listens on that port)" });
  });

  it("a malformed tcp:// port says what is expected", async function () {
    await assert.rejects(openLink("tcp://127.0.0.1", { baud: 115200 }), /^Error: Cannot open tcp:\/\/127\.0\.0\.1: expected tcp:\/\/HOST:PORT/);
  });
});

describe("transport: serial ports, through a pty that socat bridges to TCP", function () {
  this.timeout(10000);
  var s: Awaited<ReturnType<typeof server>>;
  var bridge: { path: string; close(): void } | undefined;
  var pty = "";

  before(async function () {
    s = await server();
    bridge = await ptyBridge(s.port);
    pty = bridge.path;
  });

  after(function () {
    if (bridge) bridge.close();
    s.close();
  });

  it("opens the port with serialport and carries bytes both ways", async function () {
    var link = await openLink(pty, { baud: 115200 });
    try {
      var got = collect(link);
      link.write(".flash -s\r");
      await until(() => s.got() === ".flash -s\r", "the bytes at the TCP end");
      s.sockets[0].write("8123\r\n");
      await until(() => got() === "8123\r\n", "the bytes at the serial end");
    } finally {
      await link.close();
    }
  });

  it("a port another program has open is busy, and the message names the kinds of program", async function () {
    var first = await openLink(pty, { baud: 115200 });
    try {
      await assert.rejects(openLink(pty, { baud: 115200 }), {
        message: "The serial port " + pty + " is busy: another program has it open (a serial monitor such as screen, minicom or ristretto monitor, the Espruino IDE, Thonny, a Kaluma or Arduino IDE). Close it and try again",
      });
    } finally {
      await first.close();
    }
  });

  it("a port that does not exist is named, with the ports found", async function () {
    var list = () => Promise.resolve([{ path: "/dev/ttyACM0", manufacturer: "Raspberry Pi" }]);
    await assert.rejects(openLink(path.join(path.dirname(pty), "nope"), { baud: 115200, listPorts: list }), {
      message: "No serial port " + path.join(path.dirname(pty), "nope") + ": the serial ports found are /dev/ttyACM0 (Raspberry Pi). Pass one of them, or --port tcp://HOST:PORT for a board on the network, such as tcp://192.168.1.20:23 (its telnet console over Wi-Fi) or behind a serial-to-TCP bridge",
    });
  });

  it("a port that does not exist, where ports cannot be listed, says so in the same line", async function () {
    var list = () => Promise.reject(new Error("Cannot list the serial ports: spawn udevadm ENOENT (serialport lists ports with udevadm, which this system lacks). Pass the port's path"));
    await assert.rejects(openLink("/dev/ttyNOPE9", { baud: 115200, listPorts: list }), /^Error: No serial port \/dev\/ttyNOPE9: the ports cannot be listed here \(Cannot list the serial ports: spawn udevadm ENOENT/);
  });

  it("no permission names the dialout group on Linux", async function () {
    var Denied = function () {
      return { open: (cb: (e: Error) => void) => cb(new Error("Error: Permission denied, cannot open /dev/ttyACM0")), isOpen: false } as never;
    } as unknown as SerialPortCtor;
    var r = openLink("/dev/ttyACM0", { baud: 115200, loadSerialPort: () => ({ SerialPort: Denied }), listPorts: noPorts });
    if (process.platform === "linux") await assert.rejects(r, /^Error: No permission to open \/dev\/ttyACM0: add yourself to the dialout group/);
    else await assert.rejects(r, /^Error: No permission to open \/dev\/ttyACM0/);
  });

  it("a serialport package that does not load is one line that says how to get it", async function () {
    var load = () => {
      throw new Error("No native build was found for platform=linux arch=arm64");
    };
    await assert.rejects(openLink("/dev/ttyACM0", { baud: 115200, loadSerialPort: load }), /^Error: Cannot open \/dev\/ttyACM0: the serialport package does not load \(No native build was found.*\); .*npm install serialport/);
  });
});
