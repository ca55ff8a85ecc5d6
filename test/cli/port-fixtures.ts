// Ports that stand between a command and a virtual board, or stand in for a
// board that misbehaves: loopback TCP, and a serial port (a pty) that socat
// bridges to TCP. For the flash, monitor and transport tests.

import child_process = require("child_process");
import fs = require("fs");
import net = require("net");
import os = require("os");
import path = require("path");

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

/** Forwards to `to` and cuts both sides once `limit` bytes went towards the device, which first says `lastWords` if given (a crash's message). */
export function cutAfter(to: number, limit: number, lastWords?: string): Promise<TcpFixture> {
  return serve(function (c, keep) {
    var d = net.connect(to, "127.0.0.1"), sent = 0;
    keep(d);
    d.on("data", (b) => c.write(b));
    c.on("data", function (b) {
      if (sent + b.length >= limit) {
        d.write(b.subarray(0, limit - sent));
        if (lastWords) c.end(lastWords);
        else c.destroy();
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

/** A serial port (a pty, `path`) whose far end is loopback TCP port `to`, bridged by socat (Debian's socat package). */
export async function ptyBridge(to: number): Promise<{ path: string; close(): void }> {
  var pty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-pty-")), "ttyV0"), missing: Error | undefined;
  var socat = child_process.spawn("socat", ["pty,raw,echo=0,link=" + pty, "tcp:127.0.0.1:" + to], { stdio: "ignore" });
  socat.on("error", (e) => void (missing = e));
  for (var end = Date.now() + 5000; !fs.existsSync(pty); await new Promise((r) => setTimeout(r, 5))) {
    if (missing) throw new Error("This test needs socat, to bridge a pty to TCP: apt-get install socat (" + missing.message + ")");
    if (Date.now() > end) throw new Error("socat made no pty at " + pty + " within 5 s");
  }
  return { path: pty, close: () => void socat.kill() };
}

/** Runs `fn` against a fakeDevice(reply) on loopback, closing it after. */
export async function withFakeDevice<T>(reply: string, fn: (url: string) => Promise<T>): Promise<T> {
  var fake = await fakeDevice(reply);
  try {
    return await fn(fake.url);
  } finally {
    fake.close();
  }
}
