import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { loadBoard } from "../../src/build/boards";
import { build } from "../../src/build/build";
import { flashCommand } from "../../src/cli/flash";
import { compareVersions } from "../../src/cli/kaluma-flash";
import { loadBundle } from "../../src/sim/bundle-sim";
import { bundleSandbox, startKalumaDevice, startVirtualDevice } from "../../src/sim/device";
import type { KalumaDeviceOptions, KalumaDeviceServer } from "../../src/sim/device";
import { fakeIo } from "./fake-io";
import { cutAfter, ptyBridge, withFakeDevice } from "./port-fixtures";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/test/cli
var BLINK = path.join(ROOT, "firmware/blink");
var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-flash-kaluma-"));
var OLD = "console.log('old program')";

async function flash(args: string[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo();
  var code = await flashCommand({ listPorts: () => Promise.resolve([]) }).run(args.concat(["--out", out]), io);
  return { code: code, out: io.stdout, err: io.stderr };
}

/**
 * A Raspberry Pi Pico with Kaluma on loopback TCP, its programs on the bundle
 * simulator (pins with traces), on a clock the test moves. Its YMODEM
 * receiver asks for a sender every 20 ms instead of every second (reads once
 * the transfer began keep the firmware's second, so a busy machine's pause is
 * no silence), and answers at once after a transfer instead of half a second
 * later: the same exchange, faster.
 */
function device(o?: Partial<KalumaDeviceOptions>): Promise<KalumaDeviceServer> {
  return startKalumaDevice(Object.assign({ board: "pico", clock: "manual" as const, sandbox: bundleSandbox(loadBundle), ymodemPollMs: 20, afterTransferMs: 0 }, o));
}

/** Changes of `pin` on the device's running program over the next `ms` of virtual time. */
async function changes(d: KalumaDeviceServer, pin: string, ms: number): Promise<number> {
  var sim = (d.device.currentSandbox() as unknown as { bundle: { pin(n: string): { trace(): unknown[] } } }).bundle, before = sim.pin(pin).trace().length;
  await d.device.advance(ms);
  return sim.pin(pin).trace().length - before;
}

function printed(d: KalumaDeviceServer, text: string): number {
  return d.device.console.filter((l) => l.text === text).length;
}

var blinkSize = 0;
/** blink's size for the pico, built in before(): the cuts and failures below fall in its middle whatever that size is. */
function blinkBytes(): number {
  return blinkSize;
}

function bundle(app: string): string {
  return fs.readFileSync(path.join(out, app + ".pico.js"), "utf8");
}

describe("ristretto flash on Kaluma boards, against the virtual Kaluma device", function () {
  this.timeout(30000);

  before(async function () {
    blinkSize = (await build({ app: BLINK, board: "pico", outDir: out })).bytes;
  });
  var d: KalumaDeviceServer | undefined;

  afterEach(async function () {
    if (d) await d.close();
    d = undefined;
  });

  it("uploads the bundle by YMODEM after .flash -w, reads it back, runs it (LED1 blinks), and without --save the board boots its previous program", async function () {
    d = await device({ program: OLD });
    assert.strictEqual(printed(d, "old program"), 1, "the old program ran at power on");
    var r = await flash([BLINK, "--board", "pico", "--port", d.url]);
    assert.strictEqual(r.err, "");
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /Uploading [\d,]+ bytes: 25% 50% 75% 100%\n/);
    assert.match(
      r.out,
      /Flashed .*blink to tcp:\/\/127\.0\.0\.1:\d+: [\d,]+ bytes in the code area, read back and compared byte for byte \(pico, Kaluma 1\.2\.1\)\. Running until the next reset; the board boots its previous program \(--save runs this one at boot\)\.\n$/,
    );
    assert.match(d.device.output, /\.flash -w\r\nTransfer a file via YMODEM\.\.\. \(press 'a' to abort\)\r\n/);
    assert.ok((await changes(d, "LED1", 5000)) >= 8, "LED1 blinks on the device");
    assert.strictEqual(d.device.program.code().toString("utf8"), OLD, "the previous program is back in the code area");
    await d.device.powerCycle();
    assert.strictEqual(printed(d, "old program"), 2, "the old program runs at boot");
    assert.strictEqual(await changes(d, "LED1", 5000), 0, "blink does not");
  });

  it("without --save on an empty code area, the board boots to its REPL with nothing to run", async function () {
    d = await device();
    var r = await flash([BLINK, "--board", "pico", "--port", d.url]);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /Running until the next reset; the board boots to its REPL \(--save runs this one at boot\)\.\n$/);
    assert.strictEqual(d.device.program.size(), 0);
  });

  it("--save keeps the new program in the code area, and it blinks again after a power cycle", async function () {
    d = await device({ program: OLD });
    var r = await flash([BLINK, "--board", "pico", "--port", d.url, "--save"]);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /\(pico, Kaluma 1\.2\.1\)\. Running, and at every boot\.\n$/);
    assert.strictEqual(d.device.program.code().toString("utf8"), bundle("blink"));
    await d.device.powerCycle();
    assert.ok((await changes(d, "LED1", 5000)) >= 8, "LED1 blinks after a power cycle");
    assert.strictEqual(printed(d, "old program"), 1, "the old program is gone");
  });

  it("a connection cut in the middle of the upload: the board boots to its REPL and runs nothing (never half a program), and the next flash works", async function () {
    d = await device({ program: OLD });
    // Cut halfway through the bundle's YMODEM blocks (after the few hundred bytes of REPL commands before them), whatever blink's size.
    var proxy = await cutAfter(d.port, 600 + Math.floor(blinkBytes() / 2));
    try {
      var r = await flash([BLINK, "--board", "pico", "--port", proxy.url, "--save"]);
    } finally {
      proxy.close();
    }
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^The connection to tcp:\/\/127\.0\.0\.1:\d+ closed during the upload; the connection is gone, so the board holds a cut-short upload, which Kaluma cannot parse: it boots to its REPL and runs nothing until the next flash\n$/);
    assert.ok(d.device.program.size() > 0 && d.device.program.code().toString("latin1") !== bundle("blink"), "a cut-short upload is in the code area");
    var before = d.device.output.length;
    await d.device.powerCycle();
    assert.match(d.device.output.slice(before), /\x1b\[31mSyntaxError/, "it does not parse, so none of it runs");
    assert.strictEqual(await changes(d, "LED1", 5000), 0);
    assert.strictEqual(printed(d, "old program"), 1);
    var again = await flash([BLINK, "--board", "pico", "--port", d.url, "--save"]);
    assert.strictEqual(again.code, 0, again.err);
    assert.ok((await changes(d, "LED1", 5000)) >= 8, "the next flash works");
  });

  it("the next flash also wakes a board still waiting in the transfer a cut connection left (CAN CAN)", async function () {
    d = await device();
    var proxy = await cutAfter(d.port, 600 + Math.floor(blinkBytes() / 2)); // halfway through the upload, as above
    try {
      assert.strictEqual((await flash([BLINK, "--board", "pico", "--port", proxy.url])).code, 1);
    } finally {
      proxy.close();
    }
    var r = await flash([BLINK, "--board", "pico", "--port", d.url, "--save"]);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(d.device.output, /\r\nAborted\r\n/);
    assert.strictEqual(d.device.program.code().toString("utf8"), bundle("blink"));
  });

  it("an upload the board cancels (its flash fails to write) puts the previous program back, and says so", async function () {
    var failsAt = Math.floor(blinkBytes() / 2); // a byte in the middle of blink: its block of 1,024 is the one that fails
    d = await device({ program: OLD, flashFailsAt: failsAt });
    var r = await flash([BLINK, "--board", "pico", "--port", d.url, "--save"]);
    assert.strictEqual(r.code, 1);
    assert.match(
      r.err,
      new RegExp(
        "^The upload to tcp://127\\.0\\.0\\.1:\\d+ failed: The device cancelled the transfer at block " + Math.ceil(failsAt / 1024) +
          ' \\(Kaluma: "Verification failed"\\); the previous program \\(26 bytes\\) is back in place and boots as before\n$',
      ),
    );
    assert.strictEqual(d.device.program.code().toString("utf8"), OLD);
    await d.device.powerCycle();
    assert.strictEqual(printed(d, "old program"), 2);
  });

  it("a device that answers garbage fails after --timeout, naming what it received and how long it waited", async function () {
    var r = await withFakeDevice("\x00\xffNOT A REPL ", (url) => flash([BLINK, "--board", "pico", "--port", url, "--timeout", "500ms"]));
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^The device at tcp:\/\/127\.0\.0\.1:\d+ answered, but not as Kaluma's REPL does \(no "> " prompt within 0\.5 s\): received ".*NOT A REPL.*"\. Check --board\.\n$/);
  });

  it("a device that answers nothing fails after --timeout and says how long it waited", async function () {
    var r = await withFakeDevice("", (url) => flash([BLINK, "--board", "pico", "--port", url, "--timeout", "500ms"]));
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^No answer from tcp:\/\/127\.0\.0\.1:\d+ within 0\.5 s\. Is a Kaluma board there, and its REPL on this port\?\n$/);
  });

  it("an Espruino board on the port is not taken for a Kaluma one", async function () {
    var e = await startVirtualDevice({ board: "espruino-pico", clock: "manual" });
    try {
      var r = await flash([BLINK, "--board", "pico", "--port", e.url, "--timeout", "500ms"]);
    } finally {
      await e.close();
    }
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^The device at tcp:\/\/127\.0\.0\.1:\d+ answered, but not as Kaluma's REPL does/);
  });

  it("firmware older than 1.0.0 is refused with both versions named, before anything is written", async function () {
    d = await device({ version: "1.0.0-beta.9", program: OLD });
    var r = await flash([BLINK, "--board", "pico", "--port", d.url]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(
      r.err,
      "The board runs Kaluma 1.0.0-beta.9; ristretto needs 1.0.0 or later (its code upload ends with a NUL that .flash -s and .flash -r stop at, which the check relies on). Update its firmware: https://kaluma.io/download\n",
    );
    assert.doesNotMatch(d.device.output, /\.flash -w/);
    assert.strictEqual(d.device.program.code().toString("utf8"), OLD);
  });

  it("a Kaluma board of another kind is refused, naming the --board that fits it", async function () {
    d = await device({ board: "pico-w" });
    var r = await flash([BLINK, "--board", "pico", "--port", d.url]);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /^The board at tcp:\/\/127\.0\.0\.1:\d+ is a pico-w \(board\.name\), not the pico of --board pico: pass --board pico-w\n$/);
    assert.doesNotMatch(d.device.output, /\.flash -w/);
  });

  it("a bundle larger than the board's code area is refused before anything is written", async function () {
    // A code area half blink's size, whatever that is (the area's last byte is the terminator).
    var half = Math.floor(blinkBytes() / 2);
    var small = Object.assign({}, loadBoard("pico", ROOT), { flash: { codeBytes: half + 1 } });
    d = await device({ board: small, program: OLD });
    var r = await flash([BLINK, "--board", "pico", "--port", d.url]);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, new RegExp("^The bundle is [\\d,]+ bytes and the board's code area holds " + half.toLocaleString("en-US") + ": nothing was written\n$"));
    assert.strictEqual(d.device.program.code().toString("utf8"), OLD);
  });

  it("flashes through a serial port: a pty that socat bridges to the virtual device", async function () {
    d = await device();
    var pty = await ptyBridge(d.port);
    try {
      var r = await flash([BLINK, "--board", "pico", "--port", pty.path, "--save"]);
    } finally {
      pty.close();
    }
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, new RegExp("Flashed .*blink to " + pty.path + ": "));
    assert.strictEqual(d.device.program.code().toString("utf8"), bundle("blink"));
    assert.ok((await changes(d, "LED1", 5000)) >= 8);
  });
});

describe("Kaluma versions", function () {
  it("orders releases as semver does: betas before their release", function () {
    assert.strictEqual(compareVersions("1.0.0-beta.9", "1.0.0-beta.10"), -1);
    assert.strictEqual(compareVersions("1.0.0-beta.10", "1.0.0"), -1);
    assert.strictEqual(compareVersions("1.2.1", "1.0.0"), 1);
    assert.strictEqual(compareVersions("1.0.0", "1.0.0"), 0);
  });
});
