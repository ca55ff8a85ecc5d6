// The `espruino` package (EspruinoTools) as a library, in a child process of
// its own: it sets a global `Espruino`, shims built-ins and logs freely, so it
// stays out of the ristretto process. espruino-link.ts forks this file and
// talks to it over Node's IPC channel (LinkRequest in, LinkEvent out).
//
// It never reaches the network: the board JSON the tools look up on connect
// is answered from ristretto's own profile (the getURL processor below), and
// any other URL gets nothing. A Bluetooth LE port goes through the tools'
// own BLE transport (core/serial_noble.js, on noble): found by a scan, by
// address or advertised name, then opened as the tools open any port, with
// their writes paced to the link's 20-byte packets. Host only.

import { isTarget } from "./ble-port";
import type { BleTarget } from "./ble-port";
import type { LinkEvent, LinkRequest } from "./espruino-link";
import { installNoble, nobleLoadProblem, nobleStateProblem } from "./noble-load";

var E: any; // the global the espruino package makes

function send(e: LinkEvent): void {
  if (process.send) process.send(e);
}

// The tools' logging goes to the parent (shown with --verbose), not to stdout.
// A TCP connection they could not make they only log, and wait: that is
// sent as a failure at once, rather than after the whole --timeout.
console.log = console.info = console.warn = console.error = function () {
  var text = [].slice.call(arguments).join(" "), refused = /RECEIVE ERROR: .*"code":"(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)"/.exec(text);
  send({ ev: "log", text: text });
  if (refused) send({ ev: "failed", message: refused[1] });
};

/** Makes the tools' Node Serial device list `port` even where serialport's list does not have it. */
function listAlso(port: string): void {
  E.Core.Serial.devices.forEach(function (d: { name: string; getPorts(cb: (ports: { path: string }[], instant?: boolean) => void): void }) {
    if (d.name !== "Node Serial") return;
    var list = d.getPorts;
    d.getPorts = function (cb) {
      list(function (ports, instant) {
        var listed = ports.some(function (p) {
          return p.path === port;
        });
        cb(listed ? ports : ports.concat([{ path: port }]), instant);
      });
    };
  });
}

/**
 * Scans with the tools (their getPorts starts noble and its scan) until the
 * device `t` names is listed, then gives its path (the address, or noble's
 * uuid where there is none). Noble's own failures are sent as they come.
 */
function findBle(t: BleTarget, found: (path: string) => void): void {
  var noble: { state?: string; on(e: string, f: (s: string) => void): void };
  try {
    // The tools only log a noble that does not load, and list nothing: find out first.
    noble = require("@abandonware/noble");
  } catch (e) {
    return send({ ev: "failed", message: nobleLoadProblem(e), whole: true });
  }
  var watching = false, stopped = false;
  function stateProblem(state: string | undefined): boolean {
    var p = state && nobleStateProblem(state);
    if (p && !stopped) send({ ev: "failed", message: p, whole: true });
    if (p) stopped = true;
    return stopped;
  }
  (function poll(): void {
    E.Core.Serial.getPorts(function (ports: { path: string; description?: string; type?: string }[]) {
      if (!watching) {
        watching = true; // after the tools' own listener, which starts the scan
        noble.on("stateChange", stateProblem);
      }
      if (stopped || stateProblem(noble.state)) return;
      var p = ports.filter(function (q) {
        return q.type === "bluetooth" && isTarget(t, { address: q.path, name: q.description });
      })[0];
      if (!p) return void setTimeout(poll, 250);
      send({ ev: "found", path: p.path });
      found(p.path);
    });
  })();
}

function open(r: Extract<LinkRequest, { op: "open" }>): void {
  if (r.noble) installNoble(r.noble);
  require("espruino").init(function () {
    E = (global as any).Espruino;
    var c = E.Config;
    // Bluetooth LE through noble only for a BLE port; never through node-ble (D-Bus).
    c.BLUETOOTH_LOW_ENERGY = !!r.ble;
    c.BLUETOOTH_LOW_ENERGY_DBUS = false;
    // The tools open only a port they have listed: a tcp:// port must be in
    // SERIAL_TCPIP, and a serial port serialport's list misses (no udevadm, a
    // pty) is added to it; transport.ts opened it once already.
    if (r.port.indexOf("tcp://") === 0) c.SERIAL_TCPIP = [r.port];
    else if (!r.ble) listAlso(r.port);
    c.BAUD_RATE = r.baud;
    // Every line is a round trip that waits for its answer: no 250 ms pause after each Storage.write.
    c.STORAGE_UPLOAD_METHOD = 1;
    E.addProcessor("getURL", function (req: { url: string; data?: string }, cb: (req: unknown) => void) {
      send({ ev: "url", url: req.url });
      var board = /\/([A-Za-z0-9_]+)\.json$/.exec(req.url);
      req.data = board && board[1] === r.espruinoBoard ? JSON.stringify(r.boardJSON) : "";
      cb(req);
    });
    var seen = false;
    // Everything the device sends, answers included, as it arrives: the tools
    // swap their listeners (startListening) while they wait for an answer, so
    // the connection's own hook is the one place that sees it all.
    var conn = E.Core.Serial.connection, forward = conn.cb;
    conn.cb = function (text: string) {
      send({ ev: "data", text: text });
      if (forward) forward(text);
    };
    send({ ev: "ready" });
    function openPath(path: string): void {
      E.Core.Serial.open(
        path,
        function (info: unknown) {
          if (seen) return;
          seen = true;
          if (!info) return send({ ev: "failed", message: "the espruino tools could not open " + r.port });
          send({ ev: "open", env: E.Core.Env.getData() });
        },
        function () {
          send({ ev: "closed" });
        },
      );
    }
    if (r.ble) findBle(r.ble, openPath);
    else openPath(r.port);
  });
}

process.on("message", function (r: LinkRequest) {
  if (r.op === "open") open(r);
  else if (r.op === "expr") {
    E.Core.Utils.executeExpression(
      r.code,
      function (result: string | undefined) {
        send({ ev: "result", id: r.id, text: result === undefined ? null : result });
      },
      // The parent keeps the deadline; the tools' own (2 s of silence) would cut a slow answer short.
      { maxTimeout: r.maxTimeoutS, minTimeout: r.maxTimeoutS },
    );
  } else if (r.op === "write") E.Core.Serial.write(r.text, false);
  else if (r.op === "close") {
    if (E && E.Core.Serial.isConnected()) E.Core.Serial.close();
    process.exit(0);
  }
});

// The parent went away (killed, Ctrl-C): nothing left to do.
process.on("disconnect", function () {
  process.exit(0);
});
