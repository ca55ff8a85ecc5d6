// A stand-in for noble (@abandonware/noble) at the boundary of the espruino
// tools' BLE transport (core/serial_noble.js): the adapter's state, a scan
// that finds the configured devices advertising the Nordic UART service,
// connect, the service's two characteristics (TX written with response, one
// write at a time of at most `mtu` bytes; RX notifying in pieces of at most
// `mtu` bytes), and disconnect. Each device is bridged to a virtual board on
// loopback TCP. The espruino child loads it instead of the real noble
// (src/cli/noble-load.ts), so it holds no state shared with the test: what it
// does is set by its config. noAdapterHere() tells the tests whether the
// real noble fails here for want of an adapter.

import events = require("events");
import net = require("net");

var NUS = "6e400001b5a3f393e0a9e50e24dcca9e", TX = "6e400002b5a3f393e0a9e50e24dcca9e", RX = "6e400003b5a3f393e0a9e50e24dcca9e";

export interface FakeBleDevice {
  address: string;
  /** The name it advertises. */
  name: string;
  /** The virtual board's loopback TCP port; without one the device connects and never answers. */
  tcpPort?: number;
  /** The link's packet size (the ATT MTU less its header): 20 bytes by default. */
  mtu?: number;
  /** After this many bytes written towards the board, the link drops (the board went out of range). */
  cutAfter?: number;
  /** It advertises another service than the Nordic UART's. */
  otherService?: boolean;
  /** Its signal strength in dBm: -60 by default. */
  rssi?: number;
}

export interface FakeNobleConfig {
  /** The code of the error require("@abandonware/noble") throws, as noble does without an adapter (EAFNOSUPPORT). */
  throws?: string;
  /** The adapter's state once noble starts (default poweredOn). */
  state?: string;
  devices?: FakeBleDevice[];
}

class Characteristic extends events.EventEmitter {
  constructor(public uuid: string, private peripheral: Peripheral) {
    super();
  }

  subscribe(cb: (err?: Error) => void): void {
    setImmediate(() => cb());
  }

  write(data: Buffer, withoutResponse: boolean, cb: (err?: Error) => void): void {
    this.peripheral.write(data, cb);
  }
}

class Peripheral extends events.EventEmitter {
  uuid: string;
  address: string;
  rssi = -60;
  advertisement: { localName: string; serviceUuids: string[] };
  state = "disconnected";
  private socket: net.Socket | undefined;
  private written = 0;
  private writing = false;
  private rx = new Characteristic(RX, this);
  private tx = new Characteristic(TX, this);

  constructor(private d: FakeBleDevice) {
    super();
    this.address = d.address;
    if (d.rssi !== undefined) this.rssi = d.rssi;
    this.uuid = d.address.replace(/:/g, "");
    this.advertisement = { localName: d.name, serviceUuids: [d.otherService ? "180f" : NUS] };
  }

  connect(cb: (err?: Error) => void): void {
    var self = this;
    if (this.d.tcpPort === undefined) {
      this.state = "connected";
      return void setImmediate(() => cb());
    }
    var s = net.connect(this.d.tcpPort, "127.0.0.1", function () {
      self.state = "connected";
      cb();
    });
    this.socket = s;
    s.on("data", function (b) {
      for (var i = 0; i < b.length; i += self.mtu()) self.rx.emit("data", b.subarray(i, i + self.mtu()), true);
    });
    s.on("error", () => undefined);
    s.on("close", () => this.drop());
  }

  discoverAllServicesAndCharacteristics(cb: (err: Error | null, services: { uuid: string }[], characteristics: Characteristic[]) => void): void {
    setImmediate(() => cb(null, [{ uuid: NUS }], [this.tx, this.rx]));
  }

  disconnect(cb?: () => void): void {
    this.drop();
    if (cb) setImmediate(cb);
  }

  /** TX: one write at a time, at most mtu bytes, acknowledged once the board has it. */
  write(data: Buffer, cb: (err?: Error) => void): void {
    if (this.state !== "connected") return void setImmediate(() => cb(new Error("not connected")));
    if (data.length > this.mtu() || this.writing) {
      // What a real link does with a packet it cannot take: the write fails and the connection is lost.
      setImmediate(() => cb(new Error(this.writing ? "a write while another is in flight" : "a write of " + data.length + " bytes on a link of " + this.mtu())));
      return this.drop();
    }
    this.written += data.length;
    if (this.d.cutAfter !== undefined && this.written >= this.d.cutAfter) return this.drop();
    this.writing = true;
    if (this.socket) this.socket.write(data);
    setImmediate(() => {
      this.writing = false;
      cb();
    });
  }

  private mtu(): number {
    return this.d.mtu || 20;
  }

  private drop(): void {
    if (this.state === "disconnected") return;
    this.state = "disconnected";
    if (this.socket) this.socket.destroy();
    this.socket = undefined;
    setImmediate(() => this.emit("disconnect"));
  }
}

class FakeNoble extends events.EventEmitter {
  state = "unknown";
  private scanning: ReturnType<typeof setInterval> | undefined;
  private peripherals: Peripheral[];

  constructor(private c: FakeNobleConfig) {
    super();
    this.peripherals = (c.devices || []).map((d) => new Peripheral(d));
    // As noble: the adapter starts when the first listener for its state is added.
    this.on("newListener", (event: string) => {
      if (event !== "stateChange" || this.state !== "unknown") return;
      setImmediate(() => {
        this.state = c.state || "poweredOn";
        this.emit("stateChange", this.state);
      });
    });
  }

  startScanning(uuids?: string[], allowDuplicates?: boolean, cb?: (err?: Error) => void): void {
    if (this.state !== "poweredOn") return void (cb && setImmediate(() => cb(new Error("Could not start scanning, state is " + this.state))));
    var advertise = () => this.peripherals.forEach((p) => p.state === "disconnected" && this.emit("discover", p));
    if (!this.scanning) this.scanning = setInterval(advertise, 200);
    // The first round once the caller's turn ends, before any timer it set with the scan can fire:
    // a scan of any length sees every device in range, whatever the machine's load.
    process.nextTick(advertise);
    if (cb) setImmediate(cb);
  }

  stopScanning(cb?: () => void): void {
    if (this.scanning) clearInterval(this.scanning);
    this.scanning = undefined;
    if (cb) setImmediate(cb);
  }
}

/** noble as the config says: throws as its require would, or a noble with the configured devices. */
export function createNoble(config?: FakeNobleConfig): unknown {
  var c = config || {};
  if (c.throws) {
    var e = new Error(c.throws + ", Address family not supported by protocol") as NodeJS.ErrnoException;
    e.code = c.throws;
    throw e;
  }
  return new FakeNoble(c);
}

/** The real noble fails to load on this machine for want of a Bluetooth adapter (EAFNOSUPPORT, ENODEV), as in CI. */
export function noAdapterHere(): boolean {
  try {
    require("@abandonware/noble");
    return false;
  } catch (e) {
    return /EAFNOSUPPORT|ENODEV/.test(String((e as NodeJS.ErrnoException).code));
  }
}
