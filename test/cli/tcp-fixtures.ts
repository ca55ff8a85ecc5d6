// Ports on loopback TCP that stand between a command and a virtual board, or
// stand in for a board that misbehaves: for the flash and monitor tests.

import net = require("net");

export interface TcpFixture {
  /** tcp://127.0.0.1:PORT */
  url: string;
  close(): void;
}

/** A server on a free loopback port; `close` ends it and every connection it took. */
function serve(onConnection: (c: net.Socket, keep: (s: net.Socket) => void) => void): Promise<TcpFixture & { sockets: net.Socket[] }> {
  return new Promise(function (resolve) {
    var sockets: net.Socket[] = [];
    var server = net.createServer(function (c) {
      sockets.push(c);
      onConnection(c, (s) => void sockets.push(s));
    });
    server.listen(0, "127.0.0.1", function () {
      resolve({
        url: "tcp://127.0.0.1:" + (server.address() as net.AddressInfo).port,
        sockets: sockets,
        close: function () {
          sockets.splice(0).forEach((s) => s.destroy());
          server.close();
        },
      });
    });
  });
}

/** Forwards to `to` and cuts both sides once `limit` bytes went towards the device. */
export function cutAfter(to: number, limit: number): Promise<TcpFixture> {
  return serve(function (c, keep) {
    var d = net.connect(to, "127.0.0.1"), sent = 0;
    keep(d);
    d.on("data", (b) => c.write(b));
    c.on("data", function (b) {
      if (sent + b.length >= limit) {
        d.write(b.subarray(0, limit - sent));
        c.destroy();
        d.destroy();
      } else d.write(b);
      sent += b.length;
    });
    c.on("error", () => d.destroy());
    d.on("error", () => c.destroy());
  });
}

/** Forwards to `to`; cut() drops the connections open now, and new ones go through. */
export async function proxy(to: number): Promise<TcpFixture & { cut(): void }> {
  var f = await serve(function (c, keep) {
    var d = net.connect(to, "127.0.0.1");
    keep(d);
    c.pipe(d);
    d.pipe(c);
    c.on("error", () => d.destroy());
    d.on("error", () => c.destroy());
  });
  return {
    url: f.url,
    close: f.close,
    cut: () => f.sockets.splice(0).forEach((s) => s.destroy()),
  };
}

/** A far end that answers every byte with `reply` (nothing when it is ""). */
export function fakeDevice(reply: string): Promise<TcpFixture> {
  return serve(function (c) {
    c.on("data", () => reply && c.write(reply));
    c.on("error", () => undefined);
  });
}
