// uart(): a serial port as a uasyncio Stream, on the sim board's SERIAL1, fed
// by sim.uart("SERIAL1").send() in virtual time.

import assert = require("assert");
import { CancelledError, TimeoutError, createTask, sleepMs, waitForMs } from "ristretto";
import { EOFError, OverrunError, uart } from "ristretto/io";
import type { Uart } from "ristretto/io";
import { SERIAL1 } from "ristretto/board";
import { createSim } from "../../src/sim/create-sim";
import type { Sim } from "../../src/sim/create-sim";

/** At 9600 baud a byte takes 10/9600 s: 1.0417 ms. */
var BYTE_MS = 10000 / 9600;

/** Runs `body` on the sim board with SERIAL1 open at 9600 baud; `script` sends to it. Gives what was printed, with the time. */
function serial(body: (port: Uart, print: (...a: unknown[]) => void, sim: Sim) => Promise<void>, script: (sim: Sim) => void, untilMs?: number, bufferBytes?: number): { lines: string[]; sim: Sim; port: Uart } {
  var sim = createSim("sim"), lines: string[] = [], port: Uart | undefined;
  function print() {
    lines.push([].slice.call(arguments).map(String).join(" "));
  }
  var task = sim.start(async function () {
    port = uart(SERIAL1, { baud: 9600, bufferBytes: bufferBytes });
    await body(port, print, sim);
  });
  script(sim);
  sim.advance(untilMs || 10000);
  assert.deepStrictEqual(sim.errors, []);
  assert.ok(task.done(), "the firmware finished");
  return { lines: lines, sim: sim, port: port! };
}

describe("uart: lines and bytes", function () {
  it("readline returns a line split across chunks once its last chunk arrives, with its \\n", function () {
    var r = serial(
      async function (port, print) {
        var line = await port.readline();
        print(JSON.stringify(line));
      },
      (sim) => sim.uart("SERIAL1").send("$GPGGA,1234*5A\r\n", { at: 100, chunk: 4 }),
    );
    assert.deepStrictEqual(r.lines, ['"$GPGGA,1234*5A\\r\\n"']);
    var got = r.sim.uart("SERIAL1").received();
    assert.deepStrictEqual(got.map((c) => c[1]), ["$GPG", "GA,1", "234*", "5A\r\n"]);
    assert.deepStrictEqual(got.map((c) => c[0]), [4, 8, 12, 16].map((n) => 100 + Math.ceil(n * BYTE_MS)), "a chunk arrives at the millisecond after its last byte, 10 bits a byte");
  });

  it("several lines in one chunk are returned one readline at a time, and a partial one waits", function () {
    var r = serial(
      async function (port, print, sim) {
        for (var i = 0; i < 4; i++) print(JSON.stringify(await port.readline()), sim.now());
      },
      function (sim) {
        sim.uart("SERIAL1").send("one\ntwo\nthr", { at: 10, chunk: 64 });
        sim.uart("SERIAL1").send("ee\nfour\n", { at: 500, chunk: 64 });
      },
    );
    var t1 = 10 + Math.ceil(11 * BYTE_MS), t2 = 500 + Math.ceil(8 * BYTE_MS);
    assert.deepStrictEqual(r.lines, ['"one\\n" ' + t1, '"two\\n" ' + t1, '"three\\n" ' + t2, '"four\\n" ' + t2]);
  });

  it("readexactly waits across chunks for exactly n bytes and leaves the rest", function () {
    var r = serial(
      async function (port, print) {
        print(JSON.stringify(await port.readexactly(5)));
        print(JSON.stringify(await port.readexactly(3)));
        await sleepMs(100);
        print(port.available());
      },
      (sim) => sim.uart("SERIAL1").send("abcdefghij", { at: 0, chunk: 2 }),
    );
    assert.deepStrictEqual(r.lines, ['"abcde"', '"fgh"', "2"]);
  });

  it("read(n) returns as soon as any byte is there, up to n", function () {
    var r = serial(
      async function (port, print) {
        print(JSON.stringify(await port.read(4)));
        await sleepMs(100);
        print(JSON.stringify(await port.read(4)), JSON.stringify(await port.read()));
      },
      (sim) => sim.uart("SERIAL1").send("xyz123456", { at: 0, chunk: 3 }),
    );
    assert.deepStrictEqual(r.lines, ['"xyz"', '"1234" "56"']);
  });

  it("bytes 128 to 255 pass through as one character each", function () {
    var bin = "\x00\x7f\x80\xff\n";
    var r = serial(
      async function (port, print) {
        var s = await port.readexactly(5);
        print(s.length, [].map.call(s, (c: string) => c.charCodeAt(0)).join(","));
        await port.write(s);
      },
      (sim) => sim.uart("SERIAL1").send(bin, { at: 0 }),
    );
    assert.deepStrictEqual(r.lines, ["5 0,127,128,255,10"]);
    assert.strictEqual(r.sim.uart("SERIAL1").text(), bin);
  });
});

describe("uart: overflow", function () {
  it("drops the oldest bytes beyond bufferBytes, counts them, and the next read raises OverrunError once", function () {
    var r = serial(
      async function (port, print) {
        await sleepMs(1000); // not reading while 19 bytes come into a 16-byte buffer
        try {
          await port.readline();
        } catch (e) {
          print(String(e), (e as OverrunError).dropped, e instanceof OverrunError);
        }
        print(port.overruns, JSON.stringify(await port.readline()), JSON.stringify(await port.readline()));
      },
      (sim) => sim.uart("SERIAL1").send("0123\n56789\nabcdefg\n", { at: 0, chunk: 5 }),
      10000,
      16,
    );
    assert.deepStrictEqual(r.lines, [
      "OverrunError: 3 received bytes dropped: the buffer (16 bytes) was full; read sooner or give a larger bufferBytes 3 true",
      '3 "3\\n" "56789\\n"',
    ]);
  });

  it("a read waiting when bytes are dropped raises, and the count keeps growing", function () {
    var r = serial(
      async function (port, print) {
        try {
          await port.readline(); // no "\n" ever comes
        } catch (e) {
          print(String(e));
        }
        await sleepMs(100);
        print(port.overruns, port.available());
      },
      function (sim) {
        sim.uart("SERIAL1").send("abcdefghijkl", { at: 0, chunk: 12 });
        sim.uart("SERIAL1").send("mnop", { at: 50, chunk: 4 });
      },
      10000,
      10,
    );
    assert.deepStrictEqual(r.lines, ["OverrunError: 2 received bytes dropped: the buffer (10 bytes) was full; read sooner or give a larger bufferBytes", "6 10"]);
  });
});

describe("uart: cancellation", function () {
  it("a readline cancelled by a timeout mid-line keeps every byte for the next read", function () {
    var r = serial(
      async function (port, print, sim) {
        try {
          await waitForMs(port.readline(), 20);
        } catch (e) {
          print(e instanceof TimeoutError ? "timeout" : String(e), sim.now(), port.available());
        }
        print(JSON.stringify(await port.readline()), sim.now());
      },
      function (sim) {
        sim.uart("SERIAL1").send("$GPRMC,", { at: 0, chunk: 3 });
        sim.uart("SERIAL1").send("A*1B\n", { at: 100, chunk: 3 });
      },
    );
    assert.deepStrictEqual(r.lines, ["timeout 20 7", '"$GPRMC,A*1B\\n" ' + (100 + Math.ceil(5 * BYTE_MS))]);
  });

  it("a readexactly cancelled with part of its bytes there takes none of them", function () {
    var r = serial(
      async function (port, print) {
        var t = createTask(port.readexactly(6));
        await sleepMs(50);
        print(t.cancel(), port.available());
        try {
          await t;
        } catch (e) {
          print(e instanceof CancelledError);
        }
        print(JSON.stringify(await port.read()));
      },
      (sim) => sim.uart("SERIAL1").send("abcd", { at: 0 }),
    );
    assert.deepStrictEqual(r.lines, ["true 4", "true", '"abcd"']);
  });

  it("waitForMs(readline) raises TimeoutError when the sender is silent", function () {
    var r = serial(
      async function (port, print, sim) {
        try {
          await waitForMs(port.readline(), 2000);
        } catch (e) {
          print(String(e), sim.now());
        }
      },
      () => undefined,
    );
    assert.deepStrictEqual(r.lines, ["TimeoutError: timed out after 2000 ms 2000"]);
  });
});

describe("uart: writing and closing", function () {
  it("write hands bytes to the transmitter at the pace of the wire, and drain waits until they have left", function () {
    var text = new Array(201).join("x"); // 200 bytes: more than the 64 handed over ahead
    var r = serial(
      async function (port, print, sim) {
        await port.write(text);
        print("written", Math.round(sim.now()));
        await port.drain();
        print("drained", Math.round(sim.now() * 1000) / 1000);
      },
      () => undefined,
    );
    var w = r.sim.uart("SERIAL1").written();
    assert.strictEqual(w.map((c) => c[1]).join(""), text);
    // 64 bytes at once; then 32 more each time no more than 32 are left to go out; the wire never idles.
    assert.deepStrictEqual(w.map((c) => c[1].length), [64, 32, 32, 32, 32, 8]);
    var sent = 0;
    w.forEach(function (c) {
      assert.ok(c[0] === Math.floor(c[0]), "handed over at whole ms: " + c[0]);
      assert.ok(c[0] <= sent * BYTE_MS, "before the wire idles: " + c[0]);
      assert.ok(sent * BYTE_MS - c[0] <= 32 * BYTE_MS + 1e-9, "with at most 32 bytes still to go: " + c[0]);
      sent += c[1].length;
    });
    assert.deepStrictEqual(r.lines, ["written " + w[5][0], "drained " + Math.ceil(200 * BYTE_MS)]);
  });

  it("close wakes a waiting readline with what is left, then reads give \"\" and readexactly raises EOFError", function () {
    var r = serial(
      async function (port, print) {
        createTask(
          (async function () {
            await sleepMs(100);
            port.close();
          })(),
        );
        print(JSON.stringify(await port.readline()), JSON.stringify(await port.read()));
        try {
          await port.readexactly(1);
        } catch (e) {
          print(e instanceof EOFError, String(e));
        }
        try {
          await port.write("x");
        } catch (e) {
          print((e as { code: string }).code);
        }
      },
      (sim) => sim.uart("SERIAL1").send("partial", { at: 0 }),
    );
    assert.deepStrictEqual(r.lines, ['"partial" ""', "true EOFError: the stream was closed with 0 of the 1 bytes readexactly() waited for", "E_STREAM_CLOSED"]);
    assert.strictEqual(r.sim.uart("SERIAL1").isOpen(), false);
  });

  it("two tasks reading one port at once is a UsageError (one reader, as in uasyncio)", function () {
    var r = serial(
      async function (port, print) {
        createTask(port.readline());
        await sleepMs(1);
        try {
          await port.readline();
        } catch (e) {
          print((e as { code: string }).code);
        }
        port.close();
      },
      () => undefined,
    );
    assert.deepStrictEqual(r.lines, ["E_FLAG_BUSY"]);
  });
});

describe("sim.uart()", function () {
  it("refuses a port the board lacks, naming those it has", function () {
    var sim = createSim("espruino-pico");
    assert.throws(() => sim.uart("SERIAL3"), /^Error: Unknown serial port "SERIAL3" on espruino-pico \(Espruino Pico\)\. Its serial ports: SERIAL1, SERIAL2$/);
  });

  it("refuses to send before the firmware set a baud rate, unless told one", function () {
    var sim = createSim("sim");
    assert.throws(() => sim.uart("SERIAL1").send("x"), /has not opened SERIAL1 yet, so its baud rate is unknown: give \{ baud \}/);
    sim.uart("SERIAL1").send("x", { baud: 115200, at: 5 });
    sim.advance(10);
    assert.deepStrictEqual(sim.uart("SERIAL1").received(), [[6, "x"]]);
  });

  it("the VCD has a byte lane per direction of a port, z when the line is idle", function () {
    var r = serial(
      async function (port) {
        await port.readexactly(2);
        await port.write("A");
      },
      (sim) => sim.uart("SERIAL1").send("hi", { at: 0 }),
    );
    var vcd = r.sim.toVCD();
    assert.match(vcd, /\$var wire 8 (\S+) SERIAL1_rx \$end/);
    assert.match(vcd, /\$var wire 8 (\S+) SERIAL1_tx \$end/);
    var rx = /\$var wire 8 (\S+) SERIAL1_rx/.exec(vcd)![1], tx = /\$var wire 8 (\S+) SERIAL1_tx/.exec(vcd)![1];
    var changes = vcd.slice(vcd.indexOf("$end\n", vcd.indexOf("$dumpvars")) + 5).trim().split("\n");
    assert.deepStrictEqual(changes, ["#917", "b1101000 " + rx, "#1958", "b1101001 " + rx, "#3000", "bz " + rx, "b1000001 " + tx, "#4042", "bz " + tx], "h and i a byte apart (1,041.7 us at 9600 baud), delivered at 3 ms, then A sent:\n" + vcd);
  });
});
