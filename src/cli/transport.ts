// TEMPORARY STUB (replaced by the kaluma branch's transport.ts)
import net = require("net");
export interface Link { description: string; write(data: Buffer | string): void; onData(fn: (b: Buffer) => void): void; onClose(fn: (err?: Error) => void): void; close(): Promise<void> }
export function openLink(port: string, options: { baud: number; connectTimeoutMs?: number }): Promise<Link> {
  return new Promise(function (resolve, reject) {
    var m = /^tcp:\/\/([^:]+):(\d+)$/.exec(port);
    if (!m) return reject(new Error("stub: serial not supported"));
    var s = net.connect(+m[2], m[1], function () {
      resolve({ description: port, write: function (d) { s.write(d); }, onData: function (f) { s.on("data", f); }, onClose: function (f) { s.on("close", function () { f(); }); }, close: function () { return new Promise(function (r) { s.end(r); }); } });
    });
    s.once("error", function (e) { reject(new Error("Nothing answers at " + port + ": " + e.message)); });
  });
}
