// The virtual device on a loopback TCP port, as an Espruino with a Telnet
// console (ESP8266, ESP32, a Wiznet board) is on the network: each client
// is a console connection (all see the output, any may type), and the device
// lives on between connections. EspruinoTools connects to its url,
// tcp://127.0.0.1:PORT. Host only.

import net = require("net");
import { createVirtualDevice } from "./virtual-device";
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
    return new Promise<VirtualDeviceServer>(function (resolve, reject) {
      server.once("error", reject);
      server.listen(options.port || 0, "127.0.0.1", function () {
        var port = (server.address() as net.AddressInfo).port;
        resolve({
          port: port,
          url: "tcp://127.0.0.1:" + port,
          device: device,
          storage: device.storage,
          console: device.console,
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
  });
}
