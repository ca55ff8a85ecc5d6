// ristretto flash to a Bluetooth LE board, through the espruino tools' own
// BLE transport (core/serial_noble.js) on a stand-in for noble
// (fake-noble.ts) whose devices are bridged to the virtual Espruino. No radio
// hardware: the stand-in sits at noble's boundary, so the tools' scan,
// connect, 20-byte paced writes and notifications all run.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import stream = require("stream");
import { flashCommand } from "../../src/cli/flash";
import { pretokenise } from "../../src/build/espruino-tokens";
import type { NobleStandIn } from "../../src/cli/noble-load";
import { loadBundle } from "../../src/sim/bundle-sim";
import { bundleSandbox, startVirtualDevice } from "../../src/sim/device";
import type { VirtualDeviceServer } from "../../src/sim/device";
import { fakeIo } from "./fake-io";
import { noAdapterHere } from "./fake-noble";
import type { FakeBleDevice, FakeNobleConfig } from "./fake-noble";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/test/cli
var BLINK = path.join(ROOT, "firmware/blink"), MANY = path.join(ROOT, "firmware/blink-many");
var HELLO = path.join(ROOT, "test/cli/fixtures/hello"); // prints as it starts
var FAKE = path.join(__dirname, "fake-noble.js");
var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-flash-ble-"));
var PUCK = { address: "aa:bb:cc:dd:ee:ff", name: "Puck.js 1a2b" };

/** `ristretto flash` in-process, with noble's stand-in configured by `ble`, and `piped` as its stdin. */
async function flash(args: string[], ble: FakeNobleConfig, piped?: string): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), noble: NobleStandIn = { module: FAKE, config: ble }, input = new stream.PassThrough();
  input.end(piped || "");
  var code = await flashCommand({ listPorts: () => Promise.resolve([]), noble: noble, input: input }).run(args.concat(["--out", out]), io);
  return { code: code, out: io.stdout, err: io.stderr };
}

/** A Puck.js on the virtual device, advertising as PUCK over the stand-in. */
function puck(d: VirtualDeviceServer, more?: Partial<FakeBleDevice>): FakeNobleConfig {
  return { devices: [Object.assign({ tcpPort: d.port }, PUCK, more || {})] };
}

/** Changes of `pin` on the device's running program over the next `ms` of virtual time. */
async function changes(d: VirtualDeviceServer, pin: string, ms: number): Promise<number> {
  var sim = (d.device.currentSandbox() as unknown as { bundle: { pin(n: string): { trace(): unknown[] } } }).bundle, before = sim.pin(pin).trace().length;
  await d.device.advance(ms);
  return sim.pin(pin).trace().length - before;
}

describe("ristretto flash over Bluetooth LE, on a stand-in for noble bridged to the virtual device", function () {
  this.timeout(120000); // a hang guard: every verdict here waits for an event or moves virtual time
  var d: VirtualDeviceServer | undefined;

  beforeEach(async function () {
    d = await startVirtualDevice({ board: "puckjs", clock: "manual", sandbox: bundleSandbox(loadBundle) });
  });

  afterEach(function () {
    if (d) d.close();
  });

  it("flashes blink to a Puck.js found by its advertised name, in 20-byte writes, with the progress bar and the CRC check: LED1 toggles", async function () {
    var r = await flash([BLINK, "--board", "puckjs", "--port", PUCK.name], puck(d!));
    assert.strictEqual(r.err, "");
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /Uploading [\d,]+ bytes: 25% 50% 75% 100%\n/);
    assert.match(r.out, /Flashed .*blink to Puck\.js 1a2b: [\d,]+ bytes in Storage as ristretto\.a\.js, CRC32 0x[0-9a-f]{8} checked on the board \(PUCKJS, Espruino 2v29\)\. Running until the next reset/);
    assert.strictEqual(d!.storage.read("ristretto.a.js"), pretokenise(fs.readFileSync(path.join(out, "blink.puckjs.js"), "latin1")).code);
    assert.ok((await changes(d!, "LED1", 5000)) >= 8, "LED1 should toggle on the Puck.js");
  });

  it("finds the board by its address too, and --save switches slots over Bluetooth as over serial", async function () {
    var r = await flash([BLINK, "--board", "puckjs", "--port", "AA:BB:CC:DD:EE:FF", "--save"], puck(d!));
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /in Storage as ristretto\.a\.js, .* Running, and at every boot\.\n$/);
    r = await flash([MANY, "--board", "puckjs", "--port", PUCK.address, "--save"], puck(d!));
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /in Storage as ristretto\.b\.js/);
    assert.strictEqual(d!.storage.read(".bootcde"), 'eval(require("Storage").read("ristretto.b.js"))');
  });

  it("a link cut in the middle of --save leaves the previous program to run at the next boot", async function () {
    assert.strictEqual((await flash([BLINK, "--board", "puckjs", "--port", PUCK.name, "--save"], puck(d!))).code, 0);
    var r = await flash([MANY, "--board", "puckjs", "--port", PUCK.name, "--save"], puck(d!, { cutAfter: 4000 }));
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^The connection to Puck\.js 1a2b closed while waiting to .*\n$/);
    assert.strictEqual(d!.storage.read(".bootcde"), 'eval(require("Storage").read("ristretto.a.js"))');
    await d!.device.powerCycle();
    assert.ok((await changes(d!, "LED1", 5000)) >= 8, "the old program (blink) runs");
    assert.strictEqual(await changes(d!, "LED2", 5000), 0, "blink-many does not");
  });

  it("--monitor stays on the Bluetooth LE link: the program's first line is shown, then what was piped in is answered", async function () {
    var r = await flash([HELLO, "--board", "puckjs", "--port", PUCK.name, "--monitor"], puck(d!), "6*7\n");
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /\[The console of Puck\.js 1a2b, from the program's start\. Ctrl-\] quits\.\]\n[\s\S]*hello from the first line\n[\s\S]*=42\n/);
  });

  it("a board that connects but never answers fails within --timeout and says so", async function () {
    var r = await flash([BLINK, "--board", "puckjs", "--port", PUCK.name, "--timeout", "1s"], { devices: [PUCK] });
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^No answer from Puck\.js 1a2b to connect within 1 s\. Is an Espruino board there, and not busy running a loop\?\n$/);
  });

  it("a board that is not in range fails within --timeout, naming it and how to list the boards in range", async function () {
    var r = await flash([BLINK, "--board", "puckjs", "--port", "Puck.js ffff", "--timeout", "1s"], puck(d!));
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^No Bluetooth LE device "Puck\.js ffff" was found within 1 s: .* ristretto ports --scan 5s lists the boards in range\n$/);
  });
});

describe("ristretto flash over Bluetooth LE without a usable adapter: one line, exit code 1, nothing written", function () {
  this.timeout(120000);

  it("says there is no adapter when noble cannot open one (EAFNOSUPPORT) and what to do", async function () {
    var r = await flash([BLINK, "--board", "puckjs", "--port", PUCK.name], { throws: "EAFNOSUPPORT", devices: [PUCK] });
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^No Bluetooth adapter on this machine \(noble: EAFNOSUPPORT\): plug in a Bluetooth 4\.0 adapter, .*or connect the board over USB and pass its serial port \(ristretto ports lists them\)\n$/);
  });

  it("says Bluetooth may not be used when the adapter is unauthorized, naming setcap", async function () {
    var r = await flash([BLINK, "--board", "puckjs", "--port", PUCK.name], { state: "unauthorized", devices: [PUCK] });
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^No permission to use Bluetooth .*setcap cap_net_raw\+eip.*\n$/);
  });

  it("with the real noble on a machine without an adapter (this one: EAFNOSUPPORT), says so", async function () {
    if (!noAdapterHere()) return this.skip(); // the stand-in's EAFNOSUPPORT above covers the message
    var io = fakeIo();
    var code = await flashCommand({ listPorts: () => Promise.resolve([]) }).run([BLINK, "--board", "puckjs", "--port", PUCK.name, "--out", out], io);
    assert.strictEqual(code, 1);
    assert.match(io.stderr, /^No Bluetooth adapter on this machine \(noble: (EAFNOSUPPORT|ENODEV)\): [^\n]*\n$/);
  });
});
