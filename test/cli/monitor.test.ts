import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import stream = require("stream");
import { flashCommand } from "../../src/cli/flash";
import { monitorCommand } from "../../src/cli/monitor";
import { stackTranslator } from "../../src/cli/stack-translator";
import type { PortInfo } from "../../src/cli/ports";
import { build } from "../../src/build/build";
import { pretokenise } from "../../src/build/espruino-tokens";
import { loadBundle } from "../../src/sim/bundle-sim";
import { bundleSandbox, startVirtualDevice } from "../../src/sim/device";
import type { VirtualDeviceServer } from "../../src/sim/device";
import net = require("net");
import { fakeIo, printed } from "./fake-io";
import { proxy } from "./port-fixtures";
import type { FakeIo } from "./fake-io";

var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-monitor-"));
var ROOT = path.resolve(__dirname, "../../.."); // from .build/test/cli
var app = path.join(ROOT, "test/build/fixtures/late-throw"); // throws in a task at 100 ms, at main.ts:9:13
var main = path.relative(process.cwd(), path.join(app, "main.ts"));

/** Resolves once `ok()` holds, checking every 10 ms of real time (sockets and the client take real time); fails after 10 s. */
async function until(what: string, ok: () => boolean): Promise<void> {
  for (var waited = 0; !ok(); waited += 10) {
    if (waited > 10000) throw new Error("timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `ristretto monitor` in-process: what it printed, what to type into it, and its exit code once it ends. */
function monitor(args: string[], ports?: PortInfo[], tty?: boolean): { io: FakeIo; keys: stream.PassThrough; done: Promise<number> } {
  var io = fakeIo({ tty: tty }), keys = new stream.PassThrough();
  // Promise.resolve starts it now: an async call is a coroutine here, which runs only once awaited.
  var done = Promise.resolve(monitorCommand({ listPorts: () => Promise.resolve(ports || []), input: keys }).run(args.concat(["--out", out]), io));
  return { io: io, keys: keys, done: done };
}

describe("ristretto monitor, against the virtual device", function () {
  this.timeout(30000);
  var d: VirtualDeviceServer;

  beforeEach(async function () {
    d = await startVirtualDevice({ board: "espruino-pico", clock: "manual", sandbox: bundleSandbox(loadBundle) });
  });

  afterEach(function () {
    d.close();
  });

  it("shows the position of an error the board prints as the TypeScript line, through the map of the bundle flashed to that port", async function () {
    var f = fakeIo();
    assert.strictEqual(await flashCommand({ listPorts: () => Promise.resolve([]) }).run([app, "--board", "espruino-pico", "--port", d.url, "--out", out], f), 0, f.stderr);
    var m = monitor(["--port", d.url]);
    await until("the greeting", () => /Ctrl-\] quits/.test(m.io.stdout));
    assert.match(m.io.stdout, /^Connected to tcp:\/\/127\.0\.0\.1:\d+\. Ctrl-\] quits\. Positions in late-throw\.espruino-pico\.js \(flashed here last\) show as TypeScript lines\.\n/);
    await d.device.advance(200);
    await until("the error's stack line", () => /main\.ts:9:\d+\)/.test(m.io.stdout));
    m.keys.write("\x1d");
    assert.strictEqual(await m.done, 0);
    assert.match(m.io.stdout, /Task exception wasn't retrieved: Error: in a task\r?\n {4}at [^\n]*\(/);
    assert.ok(m.io.stdout.indexOf(" (" + main + ":9:13)") > 0, "the stack line names main.ts:9:13: " + m.io.stdout);
    assert.doesNotMatch(m.io.stdout, /ristretto\.a\.js:1:/);
  });

  it("sends what is typed to the board and shows its answer; Ctrl-] quits with exit code 0", async function () {
    var m = monitor(["--port", d.url, "--bundle", path.join(out, "late-throw.espruino-pico.js")]);
    await until("the greeting", () => /Ctrl-\] quits/.test(m.io.stdout));
    m.keys.write("6*7\n");
    await until("the answer", () => /=42/.test(m.io.stdout));
    m.keys.write("\x1d1+1\n");
    assert.strictEqual(await m.done, 0);
    assert.strictEqual(m.io.stderr, "");
  });

  it("with piped input, sends it, shows the answers and exits once the input ends and the board has answered", async function () {
    var m = monitor(["--port", d.url]);
    m.keys.end("print(6*7)\n1+1\n");
    assert.strictEqual(await m.done, 0);
    assert.match(m.io.stdout, /\nprint\(6\*7\)\n42\n=undefined\n[\s\S]*=2\n/);
    assert.doesNotMatch(m.io.stdout, /ristretto-monitor:end/, "the end mark is not shown");
    assert.strictEqual(m.io.stderr, "");
  });

  it("writes no escape sequences or carriage returns when stdout is not a terminal, and passes them to a terminal", async function () {
    var plain = monitor(["--port", d.url]);
    plain.keys.end("reset()\n");
    assert.strictEqual(await plain.done, 0);
    assert.match(plain.io.stdout, / \|_\| espruino\.com\n/, "the banner reset() prints");
    assert.doesNotMatch(plain.io.stdout, /\x1b|\r/);
    var tty = monitor(["--port", d.url], [], true);
    await printed(tty.io, /Ctrl-\] quits/);
    tty.keys.write("reset()\n");
    await printed(tty.io, /espruino\.com\r\n/);
    tty.keys.write("\x1d");
    assert.strictEqual(await tty.done, 0);
    assert.match(tty.io.stdout, /\x1b\[\?7l/, "the banner's escape sequence reaches a terminal");
  });

  it("opens a lost connection again and goes on", async function () {
    var p = await proxy(d.port);
    try {
      var m = monitor(["--port", p.url]);
      await until("the greeting", () => /Ctrl-\] quits/.test(m.io.stdout));
      assert.match(m.io.stdout, /No bundle is known for tcp:\/\/127\.0\.0\.1:\d+ \(flash one with ristretto flash, or pass --bundle\): positions show as the board prints them\.\n$/);
      p.cut();
      await until("the reconnection", () => /Connected to .* again/.test(m.io.stdout));
      assert.match(m.io.stdout, /\n\[The connection to tcp:\/\/127\.0\.0\.1:\d+ was lost: opening it again every 1 s\. Ctrl-\] quits\.\]\n\[Connected to tcp:\/\/127\.0\.0\.1:\d+ again\.\]\n$/);
      m.keys.write("6*7\n");
      await until("the answer", () => /=42/.test(m.io.stdout));
      m.keys.write("\x1d");
      assert.strictEqual(await m.done, 0);
    } finally {
      p.close();
    }
  });
});

describe("ristretto monitor: stack lines and bad input", function () {
  this.timeout(30000);

  it("shows what the board sends the moment the port opens", async function () {
    var server = net.createServer((c) => void c.write("hello at once\r\n"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      var m = monitor(["--port", "tcp://127.0.0.1:" + (server.address() as net.AddressInfo).port]);
      await printed(m.io, /hello at once\n/);
      m.keys.write("\x1d");
      assert.strictEqual(await m.done, 0);
      assert.match(m.io.stdout, /Ctrl-\] quits\.[^\n]*\nhello at once\n/);
    } finally {
      server.close();
    }
  });

  it("translates Espruino's stack lines for code in Storage and in RAM, and Kaluma's, and leaves other lines alone", async function () {
    var r = await build({ app: app, board: "espruino-pico", outDir: out });
    var bundle = path.join(out, r.file), code = fs.readFileSync(bundle, "utf8");
    var col = code.indexOf('new Error("in a task")') + 1, t = stackTranslator(bundle);
    var flashed = pretokenise(code).tokenisedIndex(col - 1) + 1; // a Storage file holds the bundle pretokenised
    assert.ok(col > 0, "the bundle keeps the throw");
    assert.ok(flashed < col, "its column as flashed comes before its column in the bundle");
    assert.strictEqual(t("    at ristretto.b.js:1:" + flashed), "    at " + main + ":9:9");
    assert.strictEqual(t("    at f (:1:" + col + ")\r"), "    at f (" + main + ":9:9)\r");
    assert.strictEqual(t("  at <anonymous>:1:" + col), "  at " + main + ":9:9", "Kaluma's");
    assert.strictEqual(t("    at other.js:1:" + col), "    at other.js:1:" + col, "another file's positions are not the bundle's");
    assert.strictEqual(t("Uncaught Error: at :1:" + col), "Uncaught Error: at :1:" + col, "only stack lines");
    assert.strictEqual(stackTranslator(undefined)("    at :1:" + col), "    at :1:" + col);
  });

  it("adds what a misuse error's code means to the bare code a device prints", function () {
    var t = stackTranslator(undefined);
    assert.strictEqual(t("Task exception wasn't retrieved: UsageError [E_CANCEL_SELF]"), "Task exception wasn't retrieved: UsageError [E_CANCEL_SELF]: a task calling cancel() on itself");
    assert.strictEqual(t("UsageError [E_CANCEL_SELF]: cannot (t1)"), "UsageError [E_CANCEL_SELF]: cannot (t1)", "a message is there already");
    assert.strictEqual(t("UsageError [E_SOMETHING_ELSE]"), "UsageError [E_SOMETHING_ELSE]");
  });

  it("without --port it lists the serial ports found and says how to pass one (exit code 2)", async function () {
    var m = monitor([], [{ path: "/dev/ttyUSB0" }]);
    assert.strictEqual(await m.done, 2);
    assert.match(m.io.stderr, /^No --port given\. Serial ports found:\n\/dev\/ttyUSB0\nPass one: --port \/dev\/ttyUSB0, or --port tcp:\/\/HOST:PORT/);
  });

  it("a port that nothing answers on is one line and exit code 1", async function () {
    var m = monitor(["--port", "tcp://127.0.0.1:1"]);
    assert.strictEqual(await m.done, 1);
    assert.match(m.io.stderr, /tcp:\/\/127\.0\.0\.1:1/);
    assert.strictEqual(m.io.stderr.split("\n").length, 2, "one line: " + m.io.stderr);
  });

  it("refuses arguments, an unknown board and a missing bundle, naming what it expected", async function () {
    var a = monitor(["/dev/ttyACM0"]);
    assert.strictEqual(await a.done, 2);
    assert.match(a.io.stderr, /^ristretto monitor takes no arguments, got \/dev\/ttyACM0 \(the port is --port\)\n/);
    var b = monitor(["--port", "tcp://127.0.0.1:1", "--board", "pico2"]);
    assert.strictEqual(await b.done, 2);
    assert.match(b.io.stderr, /^--board: unknown board "pico2"\. Known boards: .*espruino-pico/);
    var c = monitor(["--port", "tcp://127.0.0.1:1", "--bundle", "dist/nope.js"]);
    assert.strictEqual(await c.done, 2);
    assert.match(c.io.stderr, /^--bundle: no file dist\/nope\.js/);
  });

  it("--help lists every option", async function () {
    var m = monitor(["--help"]);
    assert.strictEqual(await m.done, 0);
    ["--port", "--baud", "--board", "--bundle", "--out"].forEach((o) => assert.ok(m.io.stdout.indexOf("  " + o) >= 0, o + " missing"));
  });
});
