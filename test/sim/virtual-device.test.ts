import assert = require("assert");
import childProcess = require("child_process");
import net = require("net");
import path = require("path");
import zlib = require("zlib");
import { createVirtualDevice, quickjsSandbox, startVirtualDevice } from "../../src/sim/device";
import type { VirtualDevice, VirtualDeviceServer } from "../../src/sim/device";
import { countBrackets } from "../../src/sim/device/brackets";
import { espruinoJSON, PRINT_FLAGS, REPL_FLAGS } from "../../src/sim/device/format";
import { ACK, DATA, EVAL, FILE_RECV, FILE_SEND, NAK, packet } from "../../src/sim/device/packets";
import { createFlash } from "../../src/sim/device/storage";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/test/sim

/** A raw TCP console: sends bytes, waits for what the device answers. */
class Term {
  out = "";
  /** Where the next exchange starts reading. */
  mark = 0;
  private wake: (() => void)[] = [];

  constructor(readonly socket: net.Socket) {
    var self = this;
    socket.on("data", function (d) {
      self.out += d.toString("latin1");
      self.wake.slice().forEach(function (w) {
        w();
      });
    });
  }

  static open(port: number): Promise<Term> {
    return new Promise(function (resolve, reject) {
      var s = net.connect(port, "127.0.0.1", function () {
        resolve(new Term(s));
      });
      s.once("error", reject);
    });
  }

  send(text: string): void {
    this.socket.write(Buffer.from(text, "latin1"));
  }

  /** Sends `text` and gives what came back from then to the end of `until`. */
  exchange(text: string, until: string | RegExp): Promise<string> {
    var self = this, start = this.mark;
    this.send(text);
    return new Promise(function (resolve, reject) {
      function check() {
        var got = self.out.slice(start), m = typeof until === "string" ? (got.indexOf(until) >= 0 ? { index: got.indexOf(until), 0: until } : null) : until.exec(got);
        if (!m) return;
        self.wake.splice(self.wake.indexOf(check), 1);
        clearTimeout(fail);
        self.mark = start + m.index + m[0].length;
        resolve(got.slice(0, m.index + m[0].length));
      }
      var fail = setTimeout(function () {
        self.wake.splice(self.wake.indexOf(check), 1);
        reject(new Error("After sending " + JSON.stringify(text) + ", expected " + String(typeof until === "string" ? JSON.stringify(until) : until) + ", received " + JSON.stringify(self.out.slice(start))));
      }, 5000);
      self.wake.push(check);
      check();
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** EspruinoTools (node_modules/espruino) as a library, in a child process: it sets globals and shims built-ins. */
var CLIENT = [
  "var url = process.argv[1], mode = process.argv[2], arg = process.argv[3], out = console.log, logs = [], urls = [];",
  "console.log = console.info = console.warn = console.error = function () { logs.push([].slice.call(arguments).join(' ')); };",
  "function done(r) { r.urls = urls; out(JSON.stringify(r)); process.exit(0); }",
  "require('espruino').init(function () {",
  // No Bluetooth (noble, node-ble) and no serial ports: the tcp:// port must be listed for Serial.open to find it.
  "  Espruino.Config.BLUETOOTH_LOW_ENERGY = false; Espruino.Config.BLUETOOTH_LOW_ENERGY_DBUS = false;",
  "  Espruino.Config.SERIAL_TCPIP = [url];",
  // TCP does not lose bytes: no 250 ms pause after each Storage.write line.
  "  Espruino.Config.STORAGE_UPLOAD_METHOD = 1;",
  // The board JSON (and any other URL) is answered here, so nothing goes to the network.
  "  Espruino.addProcessor('getURL', function (req, cb) { urls.push(req.url); if (req.data === undefined) req.data = '{}'; cb(req); });",
  "  if (mode === 'expr') require('espruino').expr(url, arg, function (r) { done({ result: r, env: Espruino.Core.Env.getData(), slowWrite: Espruino.Core.Serial.isSlowWrite() }); });",
  "  if (mode === 'send') require('espruino').sendCode(url, arg, function (r) { done({ response: r }); });",
  "  if (mode === 'upload') Espruino.Core.Serial.open(url, function () {",
  "    var data = Buffer.from(arg, 'base64').toString('latin1');",
  "    Espruino.Core.Utils.uploadFile('app.js', data, function () {",
  "      Espruino.Core.Utils.executeExpression('E.CRC32(require(\"Storage\").read(\"app.js\"))', function (r) { done({ crc: r }); });",
  "    });",
  "  }, function () {});",
  "});",
].join("\n");

function espruinoClient(url: string, mode: string, arg: string): Promise<{ [key: string]: any }> {
  return new Promise(function (resolve, reject) {
    var c = childProcess.spawn(process.execPath, ["-e", CLIENT, url, mode, arg], { cwd: ROOT }), out = "", err = "";
    c.stdout.on("data", function (d) {
      out += d;
    });
    c.stderr.on("data", function (d) {
      err += d;
    });
    c.on("exit", function (code) {
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() || ""));
      } catch (e) {
        reject(new Error("Expected the espruino client to print one JSON line, it exited with " + code + " and printed " + JSON.stringify(out + err)));
      }
    });
  });
}

/** A device on the manual clock with one console attached in-process. */
function manualDevice(storage?: { [name: string]: string }): Promise<{ device: VirtualDevice; out: () => string; type: (s: string) => Promise<string> }> {
  return createVirtualDevice({ board: "espruino-pico", clock: "manual", storage: storage }).then(function (device) {
    var text = "", mark = 0;
    var c = device.attach(function (b) {
      text += b.toString("latin1");
    });
    return {
      device: device,
      out: function () {
        return text;
      },
      // What typing `s` printed.
      type: function (s: string) {
        return c.input(s).then(function () {
          var r = text.slice(mark);
          mark = text.length;
          return r;
        });
      },
    };
  });
}

describe("the virtual device: Espruino's REPL on a loopback TCP port", function () {
  this.timeout(10000);
  var server: VirtualDeviceServer, t: Term;

  beforeEach(async function () {
    server = await startVirtualDevice({ board: "espruino-pico" });
    t = await Term.open(server.port);
    assert.strictEqual(await t.exchange("\n", ">"), "\r\n>");
  });

  afterEach(async function () {
    t.close();
    await server.close();
  });

  it("listens on 127.0.0.1 and gives a url EspruinoTools takes", function () {
    assert.strictEqual(server.url, "tcp://127.0.0.1:" + server.port);
  });

  it("echoes a typed line, prints its value after = and shows the prompt again", async function () {
    assert.strictEqual(await t.exchange("1+2\n", ">"), "1+2\r\n=3\r\n>");
    assert.strictEqual(await t.exchange('"a"+"b"\n', ">"), '"a"+"b"\r\n="ab"\r\n>');
    assert.strictEqual(await t.exchange("var x = {a:1, s:'x'}\n", ">"), "var x = {a:1, s:'x'}\r\n=undefined\r\n>");
    assert.strictEqual(await t.exchange("x\n", ">"), 'x\r\n={ a: 1, \r\n  s: "x"\r\n }\r\n>');
  });

  it("runs a \\x10 line without echo or =value, and shows a prompt only after it printed", async function () {
    assert.strictEqual(await t.exchange("\x10var q = 6*7\n\x10print(q)\n", ">"), "42\r\n>");
    assert.strictEqual(await t.exchange("\x10print('<','<<',JSON.stringify(q),'>>','>')\n", ">> >\r\n>"), "< << 42 >> >\r\n>");
  });

  it("keeps a line open with a : prompt until its brackets balance", async function () {
    assert.strictEqual(await t.exchange("function twice(a) {\n", ":"), "function twice(a) {\r\n:");
    assert.strictEqual(await t.exchange("  return a * 2; }\n", ">"), "  return a * 2; }\r\n=undefined\r\n>");
    assert.strictEqual(await t.exchange("twice\n", ">"), "twice\r\n=function (a) { ... }\r\n>");
    assert.strictEqual(await t.exchange("twice(21)\n", ">"), "twice(21)\r\n=42\r\n>");
  });

  it("Ctrl-C clears the line being typed", async function () {
    assert.strictEqual(await t.exchange("1+", "1+"), "1+");
    assert.strictEqual(await t.exchange("\x03", ">"), "\x1b[D\x1b[D\r\x1b[J>");
    assert.strictEqual(await t.exchange("5\n", ">"), "5\r\n=5\r\n>");
  });

  it("prints errors as Uncaught, without a value", async function () {
    assert.strictEqual(await t.exchange("nope\n", ">"), "nope\r\nUncaught ReferenceError: 'nope' is not defined\r\n>");
    assert.strictEqual(await t.exchange("\x10throw new Error('boom')\n", ">"), "Uncaught Error: boom\r\n>");
  });

  it("runs timers in real time while it serves: their output removes the prompt, which comes back", async function () {
    assert.strictEqual(await t.exchange("setTimeout(function () { print('ding'); }, 30)\n", ">"), "setTimeout(function () { print('ding'); }, 30)\r\n=1\r\n>");
    assert.strictEqual(await t.exchange("", ">"), "\r\x1b[Jding\r\n>");
    assert.deepStrictEqual(
      server.console.map(function (l) {
        return l.text;
      }),
      ["ding"]
    );
    assert.ok(server.console[0].t >= 30, "expected the print at 30 ms of virtual time or later, got " + server.console[0].t);
  });

  it("answers process.env with the board, a Telnet console, the version and the built-in modules", async function () {
    var got = await t.exchange("\x10print(JSON.stringify(process.env))\n", "}\r\n>");
    var env = JSON.parse(got.slice(0, -3));
    assert.strictEqual(env.BOARD, "PICO_R1_3");
    assert.strictEqual(env.CONSOLE, "Telnet");
    assert.strictEqual(env.VERSION, "2v29");
    assert.strictEqual(env.STORAGE, 49152);
    assert.ok(env.MODULES.split(",").indexOf("Storage") >= 0, "expected Storage in MODULES, got " + env.MODULES);
  });

  it("answers process.memory() in the board's variables", async function () {
    var got = await t.exchange("\x10print(JSON.stringify(process.memory()))\n", "}\r\n>"), m = JSON.parse(got.slice(0, -3));
    assert.strictEqual(m.total, 5100);
    assert.strictEqual(m.free + m.usage, 5100);
    assert.strictEqual(m.blocksize, 16);
    await t.exchange("\x10var big = []; for (var i = 0; i < 2000; i++) big.push({ i: i });\n", "");
    var after = JSON.parse((await t.exchange("\x10print(JSON.stringify(process.memory()))\n", "}\r\n>")).slice(0, -3));
    assert.ok(after.usage > m.usage + 100, "expected usage to grow with 2000 objects, got " + m.usage + " then " + after.usage);
  });

  it("Storage.write creates a file of a size, fills it at offsets, and refuses to overwrite written bytes", async function () {
    assert.strictEqual(await t.exchange("require('Storage').write('f', 'Hello', 0, 11)\n", ">"), "require('Storage').write('f', 'Hello', 0, 11)\r\n=true\r\n>");
    assert.strictEqual(await t.exchange("require('Storage').read('f')\n", ">"), "require('Storage').read('f')\r\n=\"Hello\\xFF\\xFF\\xFF\\xFF\\xFF\\xFF\"\r\n>");
    await t.exchange("\x10require('Storage').write('f', ' World', 5)\n", "");
    assert.strictEqual(await t.exchange("require('Storage').read('f')\n", ">"), "require('Storage').read('f')\r\n=\"Hello World\"\r\n>");
    assert.strictEqual(await t.exchange("\x10require('Storage').write('f', 'x', 5)\n", ">"), "Uncaught Error: File already written with different data\r\n>");
    assert.strictEqual(await t.exchange("require('Storage').read('f', 6, 5)\n", ">"), "require('Storage').read('f', 6, 5)\r\n=\"World\"\r\n>");
    assert.strictEqual(await t.exchange("\x10print(require('Storage').list())\n", ">"), '[ \r\n  "f"\r\n ]\r\n>');
    await t.exchange("\x10require('Storage').write('bin', '\\x00\\xff1')\n", "");
    assert.strictEqual(await t.exchange("require('Storage').read('bin')\n", ">"), "require('Storage').read('bin')\r\n=\"\\0\\xFF1\"\r\n>"); // \0: no digit follows
    await t.exchange("\x10require('Storage').erase('f')\n", "");
    assert.strictEqual(await t.exchange("require('Storage').read('f')\n", ">"), "require('Storage').read('f')\r\n=undefined\r\n>");
  });

  it("E.CRC32 is zlib's CRC-32", async function () {
    var crc = zlib.crc32(Buffer.from("hello\xff\x00", "latin1"));
    assert.strictEqual(await t.exchange("E.CRC32('hello\\xff\\x00')\n", ">"), "E.CRC32('hello\\xff\\x00')\r\n=" + crc + "\r\n>");
    assert.strictEqual(await t.exchange("E.CRC32([1,2,3])\n", ">"), "E.CRC32([1,2,3])\r\n=" + zlib.crc32(Buffer.from([1, 2, 3])) + "\r\n>");
  });

  it("reset() clears RAM and prints the banner; Storage stays", async function () {
    await t.exchange("\x10var a = 1; require('Storage').write('keep', 'me')\n", "");
    var got = await t.exchange("reset()\n", "G.Williams\r\n\r\n>");
    assert.ok(got.indexOf("reset()\r\n=undefined\r\n\x1b[?7l\r\n ____") === 0, "expected =undefined then the banner, got " + JSON.stringify(got));
    assert.strictEqual(await t.exchange("typeof a\n", ">"), 'typeof a\r\n="undefined"\r\n>');
    assert.strictEqual(await t.exchange("require('Storage').read('keep')\n", ">"), "require('Storage').read('keep')\r\n=\"me\"\r\n>");
  });

  it("E.setBootCode's code runs at load() and at power on, not after reset(); with alwaysExec it runs after reset() too", async function () {
    await t.exchange("\x10E.setBootCode('var booted = (typeof booted === \"number\" ? booted : 0) + 1; print(\"booted\")')\n", "");
    assert.strictEqual(await t.exchange("\x10load()\n", ">"), "booted\r\n>");
    var afterReset = await t.exchange("\x10reset()\n", "G.Williams\r\n\r\n>");
    assert.ok(afterReset.indexOf("booted") < 0, "expected no boot code after reset(), got " + JSON.stringify(afterReset));
    await server.device.powerCycle();
    assert.strictEqual(await t.exchange("", ">"), "booted\r\n\r\n>"); // no banner: the flash held code
    assert.strictEqual(await t.exchange("booted\n", ">"), "booted\r\n=1\r\n>");
    await t.exchange("\x10E.setBootCode('print(\"always\")', true)\n", "");
    assert.ok((await t.exchange("\x10reset()\n", "G.Williams\r\n\r\n>")).indexOf("always\r\n") >= 0);
    assert.deepStrictEqual(server.storage.list().sort(), [".bootrst"]);
  });

  it("save() keeps functions and variables through reset() and load(), a power cycle, and runs onInit", async function () {
    await t.exchange("\x10var count = 41; function onInit() { count++; print('init ' + count); }\n", "");
    var saved = await t.exchange("save()\n", "init 42\r\n>");
    assert.ok(/^save\(\)\r\n=undefined\r\nCompacting Flash\.\.\.\r\nCalculating Size\.\.\.\r\nWriting\.\.\r\nCompressed 81600 bytes to \d+\r\nRunning onInit\(\)\.\.\.\r\ninit 42\r\n>$/.test(saved), "got " + JSON.stringify(saved));
    await t.exchange("\x10reset()\n", "G.Williams\r\n\r\n>");
    assert.strictEqual(await t.exchange("typeof onInit\n", ">"), 'typeof onInit\r\n="undefined"\r\n>');
    assert.strictEqual(await t.exchange("\x10load()\n", ">"), "Running onInit()...\r\ninit 42\r\n>");
    await server.device.powerCycle();
    assert.strictEqual(await t.exchange("", ">"), "Running onInit()...\r\ninit 42\r\n\r\n>");
    assert.strictEqual(await t.exchange("count\n", ">"), "count\r\n=42\r\n>");
    assert.ok(server.storage.list().indexOf(".varimg") >= 0);
  });

  it("save() refuses while .bootcde exists, as Espruino 2v29 does", async function () {
    await t.exchange("\x10E.setBootCode('1')\n", "");
    assert.strictEqual(await t.exchange("\x10save()\n", ">"), "Uncaught Error: Cannot save: .bootcde file already exists. Please remove it first.\r\n>");
  });

  it("load(file) resets and runs a Storage file", async function () {
    await t.exchange("\x10require('Storage').write('app.js', 'print(\"app from \" + __FILE__)')\n", "");
    var got = await t.exchange("\x10load('app.js')\n", "app from app.js\r\n>");
    assert.ok(got.indexOf("G.Williams\r\n\r\n") >= 0 && got.indexOf("app from app.js") > got.indexOf("G.Williams"), "expected the banner, then the app, got " + JSON.stringify(got));
  });

  it("keeps RAM and Storage between connections", async function () {
    await t.exchange("\x10var kept = 'yes'; require('Storage').write('k', 'v')\n", "");
    t.close();
    t = await Term.open(server.port);
    assert.strictEqual(await t.exchange("kept + require('Storage').read('k')\n", ">"), "kept + require('Storage').read('k')\r\n=\"yesv\"\r\n>");
  });

  it("answers packets: EVAL with ACK and the value, FILE_SEND and DATA into Storage, FILE_RECV back", async function () {
    assert.strictEqual(await t.exchange(packet(EVAL, "[1+1, 'x']"), packet(0, '[2,"x"]')), ACK + packet(0, '[2,"x"]'));
    var data = "";
    for (var i = 0; i < 1500; i++) data += String.fromCharCode((i * 7) & 255);
    assert.strictEqual(await t.exchange(packet(FILE_SEND, JSON.stringify({ fn: "bin", s: data.length })), ACK), ACK);
    assert.strictEqual(await t.exchange(packet(DATA, data.slice(0, 1024)), ACK), ACK);
    assert.strictEqual(await t.exchange(packet(DATA, data.slice(1024)), ACK), ACK);
    assert.strictEqual(server.storage.read("bin"), data);
    var back = await t.exchange(packet(FILE_RECV, JSON.stringify({ fn: "bin" })), packet(DATA, ""));
    assert.strictEqual(back, ACK + packet(DATA, data.slice(0, 1024)) + packet(DATA, data.slice(1024)) + packet(DATA, ""));
    assert.strictEqual(await t.exchange(packet(FILE_RECV, JSON.stringify({ fn: "none" })), NAK), NAK);
    assert.strictEqual(await t.exchange(packet(FILE_SEND, JSON.stringify({ fn: "z", s: 10, c: 1 })), NAK), NAK);
    assert.strictEqual(await t.exchange("1\n", ">"), "1\r\n=1\r\n>");
  });
});

describe("the virtual device with EspruinoTools (node_modules/espruino) on the other end", function () {
  this.timeout(30000);
  var server: VirtualDeviceServer;

  beforeEach(async function () {
    server = await startVirtualDevice({ board: "espruino-pico" });
  });

  afterEach(async function () {
    await server.close();
  });

  it("connects, reads process.env (turning slow writes off), and evaluates an expression", async function () {
    var r = await espruinoClient(server.url, "expr", "6*7");
    assert.strictEqual(JSON.parse(r.result), 42);
    assert.strictEqual(r.env.BOARD, "PICO_R1_3");
    assert.strictEqual(r.env.VERSION_MAJOR, 2);
    assert.strictEqual(r.slowWrite, false);
    assert.deepStrictEqual(r.urls, ["http://www.espruino.com/json/PICO_R1_3.json"]);
  });

  it("uploads code that then runs: it prints and drives a pin", async function () {
    // Longer than 512 bytes: EspruinoTools calls back after shorter uploads only when a terminal is open.
    var code = 'var pad = "' + new Array(600).join("x") + '";\nvar n = 0;\nsetInterval(function () {\n  n++;\n  print("tick " + n);\n}, 20);\ndigitalWrite(LED1, 1);\n';
    var r = await espruinoClient(server.url, "send", code);
    // The interval runs on the real clock: on a loaded machine several ticks may come before the prompt is redrawn.
    assert.ok(/\r\n>\r\x1b\[Jtick 1\r\n(tick \d+\r\n)*>/.test(r.response), "expected tick 1 after the prompt, got " + JSON.stringify(r.response.slice(0, 400)));
    var t = await Term.open(server.port);
    try {
      var got = await t.exchange("\x10print('LED1', digitalRead(LED1), 'pad', pad.length)\n", /LED1 [^\r]*\r\n/); // ticks may come first
      assert.ok(/LED1 1 pad 599\r\n$/.test(got), "expected LED1 on and the code's variables, got " + JSON.stringify(got));
    } finally {
      t.close();
    }
  });

  it("writes a file to Storage in Storage.write chunks, and the device's E.CRC32 of it matches", async function () {
    var bytes = Buffer.alloc(3000);
    for (var i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 255;
    var r = await espruinoClient(server.url, "upload", bytes.toString("base64"));
    assert.strictEqual(JSON.parse(r.crc), zlib.crc32(bytes));
    assert.strictEqual(server.storage.read("app.js"), bytes.toString("latin1"));
  });
});

describe("the virtual device on the manual clock", function () {
  it("moves virtual time only with advance(), firing timers at their virtual times", async function () {
    var d = await manualDevice();
    await d.type("setInterval(function () { print('at ' + getTime() * 1000); }, 100)\n");
    await d.device.advance(350);
    // A console line carries the device's time at the end of the step that printed it.
    assert.deepStrictEqual(d.device.console, [
      { t: 350, text: "at 100" },
      { t: 350, text: "at 200" },
      { t: 350, text: "at 300" },
    ]);
    await d.device.close();
  });

  it("powers on with the flash it was given and runs its boot code", async function () {
    var d = await manualDevice({ ".bootcde": "print('hello from flash')" });
    assert.ok(d.out() === "", "nothing is sent before a console attaches");
    assert.deepStrictEqual(d.device.console.map(function (l) {
      return l.text;
    }), ["hello from flash"]);
    assert.strictEqual(d.device.output.indexOf("G.Williams"), -1, "no banner when the flash held code");
    await d.device.close();
  });

  it("interrupts a script that runs longer than the sandbox's budget", async function () {
    var device = await createVirtualDevice({ board: "espruino-pico", clock: "manual", sandbox: quickjsSandbox({ budgetMs: 50 }) }), out = "";
    var c = device.attach(function (b) {
      out += b.toString("latin1");
    });
    await c.input("while (true);\n");
    await c.input("1\n");
    assert.strictEqual(out, "while (true);\r\nExecution Interrupted\r\n>1\r\n=1\r\n>");
    await device.close();
  });

  it("echo(0) turns the echo, values and prompts off until echo(1)", async function () {
    var d = await manualDevice();
    assert.strictEqual(await d.type("echo(0)\n"), "echo(0)\r\n");
    assert.strictEqual(await d.type("1+1\nprint('p')\n"), "p\r\n");
    assert.strictEqual(await d.type("echo(1)\n"), "=undefined\r\n>"); // not echoed, but echo is on again when it ends
    await d.device.close();
  });
});

describe("the virtual device's parts", function () {
  it("formats values as Espruino's console does", function () {
    assert.strictEqual(espruinoJSON([1, 2, 3], REPL_FLAGS), "[ 1, 2, 3 ]");
    assert.strictEqual(espruinoJSON({ a: 1, "b-c": true, d: null }, REPL_FLAGS), '{ a: 1, "b-c": true, d: null }');
    assert.strictEqual(espruinoJSON({ a: 1 }, PRINT_FLAGS), '{ "a": 1 }');
    assert.strictEqual(espruinoJSON({ a: 1, b: 2, c: 3, d: 4, e: 5 }, REPL_FLAGS), "{ a: 1, b: 2, c: 3, d: 4, \n  e: 5 }");
    assert.strictEqual(espruinoJSON(new Array(21).join("ab"), REPL_FLAGS), '"' + new Array(21).join("ab") + '"');
    var long = new Array(32).join("ab"); // 62 characters: the first and last 27 are shown
    assert.strictEqual(espruinoJSON(long, REPL_FLAGS), '"' + long.substr(0, 27) + '" ... "' + long.substr(35) + '"');
    assert.strictEqual(espruinoJSON([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], REPL_FLAGS), "[ 0, 1, 2, 3, 4,  ... 11, 12, 13, 14, 15 ]");
    assert.strictEqual(espruinoJSON("\x01\n\x00" + "1\xe9", REPL_FLAGS), '"\\1\\n\\x001\\xE9"');
    assert.strictEqual(espruinoJSON(new Uint8Array(3), REPL_FLAGS), "new Uint8Array(3)");
    assert.strictEqual(espruinoJSON(new Uint8Array([1, 2]), REPL_FLAGS), "new Uint8Array([1, 2])");
  });

  it("counts brackets as Espruino's lexer does: strings, comments and regular expressions do not count", function () {
    assert.strictEqual(countBrackets("function f() {"), 1);
    assert.strictEqual(countBrackets("print('{(')"), 0);
    assert.strictEqual(countBrackets("var r = /[{(]/; f("), 1);
    assert.strictEqual(countBrackets("a = b / (c) / 2"), 0);
    assert.strictEqual(countBrackets("x = 1 /* {"), 1000);
    assert.strictEqual(countBrackets("x = `${"), 1000);
    assert.strictEqual(countBrackets("x = 'unfinished"), 0);
    assert.strictEqual(countBrackets("} {"), -1);
  });

  it("the flash compacts trash when a file does not fit, and refuses what cannot fit at all", function () {
    var f = createFlash(200);
    assert.strictEqual(f.write("a", new Array(61).join("x")), true); // 32 + 60
    f.erase("a");
    assert.deepStrictEqual(f.getStats(), { totalBytes: 200, freeBytes: 108, fileBytes: 0, fileCount: 0, trashBytes: 92, trashCount: 1 });
    assert.strictEqual(f.write("b", new Array(121).join("y")), true); // 32 + 120: fits only after compaction
    assert.deepStrictEqual(f.getStats(), { totalBytes: 200, freeBytes: 48, fileBytes: 152, fileCount: 1, trashBytes: 0, trashCount: 0 });
    assert.throws(function () {
      f.write("c", new Array(20).join("z"));
    }, /Unable to find or create file/);
    assert.strictEqual(f.write("a-name-that-is-longer-than-28-characters", "1"), true);
    assert.deepStrictEqual(f.list(), ["b", "a-name-that-is-longer-than-2"]);
  });
});
