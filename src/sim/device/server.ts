// The virtual device on a loopback TCP port, as an Espruino with a Telnet
// console (ESP8266, ESP32, a Wiznet board) is on the network: each client
// is a console connection (all see the output, any may type), and the device
// lives on between connections. EspruinoTools connects to its url,
// tcp://127.0.0.1:PORT. Host only.

import net = require("net");
import { createVirtualDevice } from "./virtual-device";
import type { DeviceConnection } from "./device-base";
import type { DeviceStorage, VirtualDevice, VirtualDeviceOptions } from "./virtual-device";
import type { ConsoleLine } from "../sim-base";

export interface VirtualDeviceServerOptions extends VirtualDeviceOptions {
  /** TCP port (default 0: any free port). */
  port?: number;
}

export interface VirtualDeviceServer {
  port: number;
  /** "tcp://127.0.0.1:PORT": what EspruinoTools' `-p` (Espruino.Core.Serial.open) takes. */
  url: string;
  device: VirtualDevice;
  storage: DeviceStorage;
  /** What the programs printed, with the virtual time. */
  console: ConsoleLine[];
  /** Closes the connections and the port, and powers the device off. */
  close(): Promise<void>;
}

export function startVirtualDevice(options: VirtualDeviceServerOptions): Promise<VirtualDeviceServer> {
  return createVirtualDevice(options).then(function (device) {
    return serveOnLoopback(device, options.port).then(function (l) {
      return { port: l.port, url: l.url, device: device, storage: device.storage, console: device.console, close: l.close };
    });
  });
}

/** What serveOnLoopback needs of a device: the Espruino one, the Kaluma one. */
export interface Servable {
  attach(send: (bytes: Buffer) => void): DeviceConnection;
  close(): Promise<void>;
}

/** Puts `device` on a loopback TCP port (0: any free one); close() closes the connections, the port, then the device. */
export function serveOnLoopback(device: Servable, port?: number): Promise<{ port: number; url: string; close(): Promise<void> }> {
  var sockets: net.Socket[] = [];
  var server = net.createServer(function (socket) {
    sockets.push(socket);
    socket.setNoDelay(true);
    var c = device.attach(function (bytes) {
      if (!socket.destroyed) socket.write(bytes);
    });
    socket.on("data", function (data) {
      c.input(data);
    });
    socket.on("error", function () {}); // a client that goes away mid-write
    socket.on("close", function () {
      c.detach();
      sockets.splice(sockets.indexOf(socket), 1);
    });
  });
  return new Promise(function (resolve, reject) {
    server.once("error", reject);
    server.listen(port || 0, "127.0.0.1", function () {
      var p = (server.address() as net.AddressInfo).port;
      resolve({
        port: p,
        url: "tcp://127.0.0.1:" + p,
        close: function () {
          sockets.slice().forEach(function (s) {
            s.destroy();
          });
          return new Promise<void>(function (done) {
            server.close(function () {
              done();
            });
          }).then(function () {
            return device.close();
          });
        },
      });
    });
  });
}
