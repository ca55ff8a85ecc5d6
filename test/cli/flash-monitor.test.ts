// flash --monitor: the console on the flash's own connection, from the
// program's first line, against the virtual Espruino and the real espruino
// client.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import stream = require("stream");
import { flashCommand } from "../../src/cli/flash";
import { loadBundle } from "../../src/sim/bundle-sim";
import { bundleSandbox, startVirtualDevice } from "../../src/sim/device";
import type { VirtualDeviceServer } from "../../src/sim/device";
import { fakeIo, printed } from "./fake-io";
import type { FakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/test/cli
var HELLO = path.join(ROOT, "test/cli/fixtures/hello"); // prints as it starts, and at 100 ms
var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-flash-monitor-"));

/** `ristretto flash ... --monitor` in-process: what it printed, what to type into it, its exit code once it ends. */
function flash(args: string[]): { io: FakeIo; keys: stream.PassThrough; done: Promise<number> } {
  var io = fakeIo(), keys = new stream.PassThrough();
  var done = Promise.resolve(flashCommand({ listPorts: () => Promise.resolve([]), input: keys }).run(args.concat(["--monitor", "--out", out]), io));
  return { io: io, keys: keys, done: done };
}

describe("ristretto flash --monitor, against the virtual device", function () {
  this.timeout(60000); // a hang guard: every wait here is for an event
  var d: VirtualDeviceServer;

  beforeEach(async function () {
    d = await startVirtualDevice({ board: "espruino-pico", clock: "manual", sandbox: bundleSandbox(loadBundle) });
  });

  afterEach(function () {
    d.close();
  });

  it("stays on the board's console after the upload and shows what the program prints from its first line", async function () {
    var f = flash([HELLO, "--board", "espruino-pico", "--port", d.url]);
    await printed(f.io, /hello from the first line\n/);
    await d.device.advance(200);
    await printed(f.io, /still here at 100 ms\n/);
    f.keys.write("\x1d");
    assert.strictEqual(await f.done, 0, f.io.stderr);
    var s = f.io.stdout;
    assert.match(s, /Flashed .*hello to tcp:\/\/127\.0\.0\.1:\d+: .* Running until the next reset .*\n\[The console of tcp:\/\/127\.0\.0\.1:\d+, from the program's start\. Ctrl-\] quits\.\]\n/);
    assert.ok(s.indexOf("Flashed") < s.indexOf("hello from the first line"), "the program's output comes after the flash's lines");
    assert.doesNotMatch(s, /< <<|>> >/, "the tools' answer to the run step is not shown");
    assert.doesNotMatch(s, /\x1b|\r/, "stdout is not a terminal: no escape sequences, no carriage returns");
    assert.strictEqual(f.io.stderr, "");
  });

  it("with --save and piped input: runs what was piped once the program boots, shows the answers, and ends by itself", async function () {
    var f = flash([HELLO, "--board", "espruino-pico", "--port", d.url, "--save"]);
    f.keys.end("6*7\n");
    assert.strictEqual(await f.done, 0, f.io.stderr);
    var s = f.io.stdout;
    assert.match(s, /Running, and at every boot\.\n/);
    assert.match(s, /hello from the first line\n[\s\S]*=42\n/);
    assert.doesNotMatch(s, /ristretto-monitor:end/, "the end mark is not shown");
    assert.strictEqual(d.storage.read(".bootcde"), 'eval(require("Storage").read("ristretto.a.js"))');
  });
});
