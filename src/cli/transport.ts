// The byte pipe to a board: `tcp://HOST:PORT` over `net` (a board on the
// network, a serial-to-TCP bridge, the virtual devices), anything else a
// serial port opened with the `serialport` package (loaded only then: it has
// a native module that may be missing). Every failure to open is one line
// that names the port and says what to do. Host only.

import net = require("net");
import { listSerialPorts, TCP_HINT } from "./ports";
import type { PortInfo } from "./ports";

export interface Link {
  /** The port as the user gave it, for messages. */
  description: string;
  write(data: Buffer | string): void;
  onData(fn: (b: Buffer) => void): void;
  /** Called once when the link closes: `err` when the other side or the cable went away, none after close(). */
  onClose(fn: (err?: Error) => void): void;
  close(): Promise<void>;
}

/** The part of `serialport`'s SerialPort used here (a stream with open/close callbacks). */
export interface SerialPortLike {
  open(cb: (err: Error | null) => void): void;
  write(data: Buffer | string): void;
  on(event: "data", fn: (b: Buffer) => void): void;
  on(event: "close", fn: (err?: Error | null) => void): void;
  on(event: "error", fn: (err: Error) => void): void;
  close(cb?: (err: Error | null) => void): void;
  isOpen: boolean;
}

export interface SerialPortCtor {
  new (o: { path: string; baudRate: number; autoOpen: boolean; lock: boolean }): SerialPortLike;
}

export interface OpenOptions {
  baud: number;
  /** How long a TCP connect may take (default 10 s). */
  connectTimeoutMs?: number;
  /** Tests give their own `serialport` module. */
  loadSerialPort?: () => { SerialPort: SerialPortCtor };
  /** The ports named when the path is not one (default listSerialPorts). */
  listPorts?: () => Promise<PortInfo[]>;
}

var TCP = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d+)\/?$/;

export function openLink(port: string, options: OpenOptions): Promise<Link> {
  if (/^tcp:/i.test(port)) {
    var m = TCP.exec(port);
    if (!m || +m[2] < 1 || +m[2] > 65535) return Promise.reject(new Error("Cannot open " + port + ": expected tcp://HOST:PORT with a port from 1 to 65535, such as tcp://192.168.1.20:23"));
    return openTcp(port, m[1].replace(/^\[|\]$/g, ""), +m[2], options.connectTimeoutMs || 10000);
  }
  return openSerial(port, options);
}

function openTcp(port: string, host: string, tcpPort: number, timeoutMs: number): Promise<Link> {
  return new Promise(function (resolve, reject) {
    var s = net.connect(tcpPort, host);
    var timer = setTimeout(function () {
      s.destroy();
      reject(new Error("Nothing answers at " + port + ": no connection within " + timeoutMs / 1000 + " s (is the host up, and the port right?)"));
    }, timeoutMs);
    s.once("error", function (e: NodeJS.ErrnoException) {
      clearTimeout(timer);
      var why = e.code === "ECONNREFUSED" ? "connection refused (nothing listens on that port)" : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN" ? "no host named " + host : e.message;
      reject(new Error("Nothing answers at " + port + ": " + why));
    });
    s.once("connect", function () {
      clearTimeout(timer);
      s.setNoDelay(true);
      var closing = false, lastError: Error | undefined;
      s.removeAllListeners("error");
      s.on("error", function (e) {
        lastError = e;
      });
      resolve({
        description: port,
        write: function (d) {
          if (!s.destroyed) s.write(d);
        },
        onData: function (f) {
          s.on("data", f);
        },
        onClose: function (f) {
          s.once("close", function () {
            f(closing ? undefined : lastError || new Error("The connection to " + port + " closed"));
          });
        },
        close: function () {
          closing = true;
          return new Promise<void>(function (r) {
            if (s.destroyed) return r();
            s.once("close", function () {
              r();
            });
            s.end();
            setTimeout(function () {
              s.destroy();
            }, 200).unref();
          });
        },
      });
    });
  });
}

function loadSerialPort(): { SerialPort: SerialPortCtor } {
  return require("serialport");
}

async function openSerial(port: string, o: OpenOptions): Promise<Link> {
  var sp: { SerialPort: SerialPortCtor };
  try {
    sp = (o.loadSerialPort || loadSerialPort)();
  } catch (e) {
    throw new Error("Cannot open " + port + ": the serialport package does not load (" + firstLine(e) + "); it comes with espruino as an optional dependency with a native module: npm install serialport in ristretto's folder, or " + TCP_HINT);
  }
  // lock: an exclusive lock (flock on Linux and macOS), so a second program cannot share the port mid-upload.
  var p = new sp.SerialPort({ path: port, baudRate: o.baud, autoOpen: false, lock: true });
  var err = await new Promise<Error | null>(function (resolve) {
    p.open(resolve);
  });
  if (err) throw await serialError(port, err, o.listPorts || listSerialPorts);
  var closing = false;
  p.on("error", function () {}); // reported through close
  return {
    description: port,
    write: function (d) {
      if (p.isOpen) p.write(d);
    },
    onData: function (f) {
      p.on("data", f);
    },
    onClose: function (f) {
      p.on("close", function (e) {
        f(closing ? undefined : e || new Error("The serial port " + port + " closed (was the board unplugged?)"));
      });
    },
    close: function () {
      closing = true;
      return new Promise<void>(function (r) {
        if (!p.isOpen) return r();
        p.close(function () {
          r();
        });
      });
    },
  };
}

/** serialport's open errors ("Error: No such file or directory, cannot open /dev/x") as one line for the user. */
async function serialError(port: string, e: Error, list: () => Promise<PortInfo[]>): Promise<Error> {
  var m = firstLine(e);
  if (/No such file|ENOENT|cannot find the file|File not found/i.test(m)) {
    var found: string;
    try {
      var ports = await list();
      found = ports.length ? "the serial ports found are " + ports.map(function (q) { return q.path + (q.manufacturer ? " (" + q.manufacturer + ")" : ""); }).join(", ") : "no serial ports were found (is the board plugged in, with a cable that carries data?)";
    } catch (le) {
      found = "the ports cannot be listed here (" + firstLine(le).split(". ")[0] + ")";
    }
    return new Error("No serial port " + port + ": " + found + ". Pass one of them, or " + TCP_HINT);
  }
  if (/lock|Resource temporarily unavailable|EBUSY|busy|Access denied/i.test(m))
    return new Error("The serial port " + port + " is busy: another program has it open (a serial monitor such as screen, minicom or ristretto monitor, the Espruino IDE, Thonny, a Kaluma or Arduino IDE). Close it and try again");
  if (/Permission denied|EACCES/i.test(m))
    return new Error("No permission to open " + port + (process.platform === "linux" ? ": add yourself to the dialout group (sudo usermod -aG dialout $USER, then log in again)" : ": check who may use the device"));
  return new Error("Cannot open " + port + ": " + m);
}

function firstLine(e: unknown): string {
  return String((e && (e as Error).message) || e)
    .split("\n")[0]
    .replace(/^(Error: )+/, "");
}
