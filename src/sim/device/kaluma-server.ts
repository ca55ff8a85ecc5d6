// The virtual Kaluma device on a loopback TCP port, as the board's USB serial
// is through a serial-to-TCP bridge: `ristretto flash --port tcp://127.0.0.1:PORT`
// reaches it, and so does a pty that socat bridges to it. Host only.

import { createKalumaDevice } from "./kaluma-device";
import type { KalumaDevice, KalumaDeviceOptions } from "./kaluma-device";
import { serveOnLoopback } from "./server";

export interface KalumaDeviceServer {
  port: number;
  /** "tcp://127.0.0.1:PORT" */
  url: string;
  device: KalumaDevice;
  /** Closes the connections and the port, and powers the device off. */
  close(): Promise<void>;
}

export function startKalumaDevice(options: KalumaDeviceOptions & { port?: number }): Promise<KalumaDeviceServer> {
  return createKalumaDevice(options).then(function (device) {
    return serveOnLoopback(device, options.port).then(function (l) {
      return { port: l.port, url: l.url, device: device, close: l.close };
    });
  });
}
