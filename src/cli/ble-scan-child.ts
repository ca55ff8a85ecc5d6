// The Bluetooth LE scan of ristretto ports --scan, in a process of its own
// (ble-scan.ts forks it): one request in ({ ms, noble? }), one answer out
// ({ devices } or { error }: one line for the user), then it exits, which is
// what closes noble's HCI socket. Host only.

import { scanBle } from "./ble-scan";
import { loadNoble, nobleLoadProblem } from "./noble-load";
import type { NobleStandIn } from "./noble-load";

var answered = false;

function answer(m: object): void {
  if (answered) return;
  answered = true;
  if (process.send) process.send(m, undefined, undefined, () => process.exit(0));
  else process.exit(0);
}

// noble reports some failures of its HCI socket (no adapter, no permission) by throwing later, outside any call.
process.on("uncaughtException", function (e) {
  answer({ error: nobleLoadProblem(e) });
});

process.on("message", function (r: { ms: number; noble?: NobleStandIn }) {
  try {
    var noble = loadNoble(r.noble);
  } catch (e) {
    return answer({ error: nobleLoadProblem(e) });
  }
  scanBle(noble, r.ms).then(
    (devices) => answer({ devices: devices }),
    (e: Error) => answer({ error: e.message }),
  );
});

process.on("disconnect", function () {
  process.exit(0);
});
