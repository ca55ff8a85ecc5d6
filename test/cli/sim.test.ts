import assert = require("assert");
import childProcess = require("child_process");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { boardIds } from "../../src/build/boards";
import { main } from "../../src/cli/ristretto";
import { createSim } from "../../src/sim/create-sim";
import { fakeIo } from "./fake-io";
import type { FakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../..");

/** `ristretto <args>` in-process, at full speed unless told, with plain lines; its exit code and output. */
async function ristretto(args: string[], io?: FakeIo): Promise<{ code: number; out: string; err: string; io: FakeIo }> {
  var f = io || fakeIo();
  var code = await main(args, f);
  return { code: code, out: f.stdout, err: f.stderr, io: f };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-sim-"));
}

describe("ristretto sim", function () {
  it("prints a line per LED change of blink-many with its virtual time, then a summary of each pin", async function () {
    var r = await ristretto(["sim", "firmware/blink-many", "--until", "1.5s", "--speed", "max"]);
    assert.strictEqual(r.err, "");
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(r.out.split("\n"), [
      "0.000s LED1 on",
      "0.000s LED2 on",
      "0.300s LED2 off",
      "0.500s LED1 off",
      "0.600s LED2 on",
      "0.900s LED2 off",
      "1.000s LED1 on",
      "1.200s LED2 on",
      "1.500s LED1 off",
      "1.500s LED2 off",
      "firmware/blink-many on sim (Simulated board): 1.500s simulated in 0.000s (under 1 ms of real time)",
      "  LED1  4 changes, on 66.7% of the time",
      "  LED2  6 changes, on 60.0% of the time",
      "  LED3  no change, off",
      "  LED4  no change, off",
      "  BTN1  no change, released",
      "  BTN2  no change, released",
      "console: 0 lines",
      "errors: none",
      "",
    ]);
  });

  it("runs 10 s by default, as fast as it goes when stdout is not a terminal, with the times aligned", async function () {
    var r = await ristretto(["sim", "firmware/blink"]);
    var lines = r.out.split("\n");
    assert.deepStrictEqual(lines.slice(0, 3), [" 0.000s LED1 on", " 0.500s LED1 off", " 1.000s LED1 on"]);
    assert.strictEqual(lines[20], "10.000s LED1 on");
    assert.match(lines[21], /^firmware\/blink on sim \(Simulated board\): 10\.000s simulated in/);
    assert.strictEqual(r.io.waited, 0, "--speed max never waits for real time");
  });

  it("simulates the board --board names, with that board's LEDs and buttons", async function () {
    var r = await ristretto(["sim", "firmware/blink", "--board", "espruino-pico", "--until", "1s"]);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(r.out.split("\n").slice(3, 7), ["firmware/blink on espruino-pico (Espruino Pico): 1.000s simulated in 0.000s (under 1 ms of real time)", "  LED1  3 changes, on 50.0% of the time", "  LED2  no change, off", "  BTN1  no change, released"]);
  });

  it("--vcd and --svg write the trace as the simulator exports it", async function () {
    var dir = tmp(), vcd = path.join(dir, "blink-many.vcd"), svg = path.join(dir, "blink-many.svg");
    var r = await ristretto(["sim", "firmware/blink-many", "--until", "2s", "--vcd", vcd, "--svg=" + svg]);
    assert.strictEqual(r.code, 0);
    var sim = createSim("sim");
    sim.startApp("firmware/blink-many");
    await sim.advance(2000);
    assert.strictEqual(fs.readFileSync(vcd, "utf8"), sim.toVCD());
    assert.strictEqual(fs.readFileSync(svg, "utf8"), sim.toSVG());
    assert.match(r.out, new RegExp("\nwrote " + vcd.replace(/\W/g, "\\$&") + " \\([\\d,]+ bytes\\), " + svg.replace(/\W/g, "\\$&") + " \\([\\d,]+ bytes\\)\n$"));
  });

  it("--press reaches the firmware: button-led blinks faster after a press, and a long press ends it", async function () {
    var r = await ristretto(["sim", "firmware/button-led", "--until", "6s", "--press", "BTN1@1s:200ms:4ms", "--press", "BTN1@3s:1500ms"]);
    assert.strictEqual(r.code, 0);
    var lines = r.out.split("\n");
    var led = lines.filter((l) => /^\S+ LED1 /.test(l)).map((l) => l.split(" ")[0]);
    // 500 ms per toggle, then 250 ms from the first press (debounced, so once), then 500 again from the
    // second; the long press at 4.000s falls on a toggle and is seen first: no pulse, LED1 stays off.
    assert.deepStrictEqual(led.slice(0, 6), ["0.000s", "0.500s", "1.000s", "1.500s", "1.750s", "2.000s"]);
    assert.ok(lines.indexOf("1.000s BTN1 pressed") >= 0 && lines.indexOf("1.002s BTN1 released") >= 0, "the press bounces 4 ms:\n" + r.out);
    assert.ok(lines.indexOf("4.500s BTN1 released") >= 0, r.out);
    assert.strictEqual(lines.filter((l) => /^\S+ LED1 /.test(l)).pop(), "3.875s LED1 off");
    assert.match(r.out, /\(Simulated board\): 6\.000s simulated in [^;]*; idle after 4\.500s: no task waits on a timer\n/);
  });

  it("reports an exception no task retrieved with the task's name and TypeScript line, keeps the trace, and exits 1", async function () {
    var dir = tmp(), vcd = path.join(dir, "fails.vcd");
    var r = await ristretto(["sim", "test/cli/fixtures/fails", "--until", "2s", "--vcd", vcd]);
    assert.strictEqual(r.code, 1);
    var lines = r.out.split("\n");
    assert.deepStrictEqual(lines.slice(0, 11), [
      "0.000s D3 high",
      "0.000s LED1 on",
      "[0.400s] count 1",
      "0.500s LED1 off",
      "[0.800s] count 2",
      "1.000s LED1 on",
      "[1.200s] count 3",
      "[1.200s] Task exception wasn't retrieved (task counter): Error: counter gave up at 3",
      "1.500s LED1 off",
      "2.000s LED1 on",
      "test/cli/fixtures/fails on sim (Simulated board): 2.000s simulated in 0.000s (under 1 ms of real time)",
    ]);
    assert.deepStrictEqual(lines.slice(-5), [
      "console: 4 lines",
      "errors: 1",
      "  1.200s Task exception wasn't retrieved (task counter) at test/cli/fixtures/fails/main.ts:11:24: Error: counter gave up at 3",
      "wrote " + vcd + " (" + fs.statSync(vcd).size + " bytes)",
      "",
    ]);
    assert.match(fs.readFileSync(vcd, "utf8"), /\n#2000000\n/);
  });

  it("a press on a pin the firmware drives stops the run at that moment, names the --press, and exits 2", async function () {
    var r = await ristretto(["sim", "test/cli/fixtures/fails", "--until", "2s", "--press", "D3@1s:300ms"]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err, "--press D3@1s:300ms: press(D3) at 1000 ms: D3 is an output, not an input: the firmware drives it\n");
    assert.match(r.out, /\[0\.800s\] count 2\ntest\/cli\/fixtures\/fails on sim \(Simulated board\): 1\.000s simulated in [^;]*; stopped at 1\.000s by a press that could not happen\n/);
  });

  it("--send delivers bytes to a serial port at their time, and shows them and what the firmware wrote back", async function () {
    var r = await ristretto(["sim", "firmware/serial-echo", "--send", "SERIAL1@1s:hello\\r\\n", "--send", "SERIAL1@2s:world\\r\\n", "--until", "3s"]);
    assert.strictEqual(r.err, "");
    assert.strictEqual(r.code, 0);
    var lines = r.out.split("\n");
    assert.deepStrictEqual(
      lines.filter((l) => /^\d.* SERIAL1 /.test(l)),
      ['1.000s SERIAL1 got "hello\\r\\n"', '1.001s SERIAL1 wrote "#1 hello\\r\\n"', '2.000s SERIAL1 got "world\\r\\n"', '2.001s SERIAL1 wrote "#2 world\\r\\n"'],
    );
    assert.ok(lines.indexOf("  SERIAL1  got 2 chunks (14 bytes), wrote 2 chunks (20 bytes)") === lines.indexOf("console: 0 lines") - 1, r.out);
  });

  it("--send to a port the board lacks, or one the firmware has not opened by then, names the --send and exits 2", async function () {
    var lacks = await ristretto(["sim", "firmware/serial-echo", "--send", "SERIAL9@1s:x", "--until", "3s"]);
    assert.strictEqual(lacks.code, 2);
    assert.match(lacks.err, /^--send SERIAL9@1s:x: Unknown serial port "SERIAL9" on sim \(Simulated board\)\. Its serial ports: SERIAL1\n/);
    var early = await ristretto(["sim", "firmware/blink", "--send", "SERIAL1@1s:x", "--until", "3s"]);
    assert.strictEqual(early.code, 2);
    assert.strictEqual(early.err, "--send SERIAL1@1s:x: the firmware has not opened SERIAL1 by 1.000s, so nothing would read it: send after its uart(SERIAL1)\n");
    assert.match(early.out, /stopped at 1\.000s by a send that could not happen/);
  });

  it("refuses an app that uses a pin the board lacks, with the line the device build names, and exits 1", async function () {
    var r = await ristretto(["sim", "firmware/blink-many", "--board", "pico"]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.out, "");
    assert.match(r.err, /^firmware\/blink-many\/main\.ts:6:16: board check: LED2 is not a pin of pico \(Raspberry Pi Pico \(Kaluma\)\)\. Its pins: LED1, GP0, GP1, .*, GP29\n$/);
  });

  it("reports an app that throws as it loads with its TypeScript line, and exits 1", async function () {
    var r = await ristretto(["sim", "test/cli/fixtures/broken"]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.err, "test/cli/fixtures/broken raised an exception as it loaded, at test/cli/fixtures/broken/main.ts:5:27: no period configured\n");
  });

  describe("bad usage: one line that says what was expected, and exit code 2", function () {
    async function refused(args: string[], message: string | RegExp): Promise<void> {
      var r = await ristretto(["sim"].concat(args));
      assert.strictEqual(r.code, 2, "exit code of " + args.join(" ") + ": " + r.err);
      assert.strictEqual(r.out, "", "nothing on stdout");
      var first = r.err.split("\n")[0];
      if (typeof message === "string") assert.strictEqual(first, message);
      else assert.match(first, message);
      assert.strictEqual(r.err.split("\n")[1], "Run ristretto sim --help for the options.");
    }

    it("a duration that is not one", async function () {
      await refused(["firmware/blink", "--until", "ten"], '--until: expected a duration such as 10s, 1.5s, 800ms or 2m, got "ten"');
      await refused(["firmware/blink", "--until", "10"], '--until: expected a duration such as 10s, 1.5s, 800ms or 2m, got "10"');
      await refused(["firmware/blink", "--until", "0s"], "--until: expected a duration longer than 0, got 0s");
      await refused(["firmware/blink", "--until"], "--until: expected a duration after it, got nothing");
      await refused(["firmware/blink", "--speed", "fast"], '--speed: expected a number above 0 (1 is real time, 2 twice as fast) or "max", got "fast"');
    });

    it("a press that is malformed, on an unknown pin, on an LED, or after the end", async function () {
      await refused(["firmware/button-led", "--press", "BTN1"], '--press: expected PIN@TIME[:HOLD[:BOUNCE]] such as BTN1@1.5s or BTN1@1.5s:800ms, got "BTN1"');
      await refused(["firmware/button-led", "--press", "BTN1@soon"], '--press BTN1@soon (when): expected a duration such as 10s, 1.5s, 800ms or 2m, got "soon"');
      await refused(["firmware/button-led", "--press", "BTN1@1s:long"], '--press BTN1@1s:long (how long it is held): expected a duration such as 10s, 1.5s, 800ms or 2m, got "long"');
      await refused(["firmware/button-led", "--press", "BTN9@1s"], /^--press BTN9@1s: Unknown pin "BTN9" on sim \(Simulated board\)\. Its pins: LED1, LED2, LED3, LED4, BTN1, BTN2, D0, /);
      await refused(["firmware/button-led", "--press", "LED1@1s"], "--press LED1@1s: LED1 is an LED, an output the firmware drives: expected an input such as BTN1, BTN2");
      await refused(["firmware/button-led", "--press", "D9@1s"], "--press D9@1s: D9 is LED2, an output the firmware drives: expected an input such as BTN1, BTN2");
      await refused(["firmware/button-led", "--press", "BTN1@1s:5ms:10ms"], "--press BTN1@1s:5ms:10ms: press(BTN1): holdMs (5) must be longer than bounceMs (10)");
      await refused(["firmware/button-led", "--press", "BTN1@12s"], "--press BTN1@12s: at 12.000s is not before the end of the run (10.000s): press earlier or give a longer --until");
    });

    it("an unknown board, app, option or output folder", async function () {
      await refused(["firmware/blink", "--board", "pico2"], '--board: unknown board "pico2". Known boards: ' + boardIds(ROOT).join(", "));
      await refused(["firmware/nope"], /^No app at "firmware\/nope": expected a firmware folder with a main\.ts \(such as firmware\/blink-many\) or a \.ts file\. Apps here: firmware\/blink, firmware\/blink-many, /);
      await refused([], /^No app given: expected a firmware folder such as firmware\/blink-many\. Apps here: /);
      await refused(["firmware/blink", "firmware/dimmer"], "Expected one app, got 2: firmware/blink firmware/dimmer");
      await refused(["firmware/blink", "--fast"], "Unknown option --fast. Options: --board, --until, --speed, --press, --send, --vcd, --svg, --no-tty, --watch, --help");
      await refused(["firmware/blink", "--board", "sim", "--board", "puckjs"], '--board was given twice ("sim" and "puckjs"): give it once');
      await refused(["firmware/blink", "--vcd", "no/such/dir/x.vcd"], "--vcd: the folder no/such/dir does not exist, so no/such/dir/x.vcd cannot be written");
    });
  });

  describe("the live view on a terminal", function () {
    it("redraws one frame in place: the LEDs and buttons with the time, the firmware's lines above it", async function () {
      var io = fakeIo({ tty: true });
      var r = await ristretto(["sim", "test/cli/fixtures/fails", "--until", "1.5s", "--speed", "max"], io);
      assert.strictEqual(r.code, 1);
      var frames = r.out.split("\r\x1b[8A\x1b[0J");
      assert.ok(frames.length >= 2, "redrawn at least once:\n" + r.out);
      assert.strictEqual(
        frames[0],
        [
          "test/cli/fixtures/fails on sim (Simulated board)   0.000s of 1.500s   speed max",
          " ● LED1  on",
          " ○ LED2  off",
          " ○ LED3  off",
          " ○ LED4  off",
          " □ BTN1  released",
          " □ BTN2  released",
          " ▮ D3    high",
          "",
        ].join("\n"),
      );
      var last = frames[frames.length - 1].split("\n").filter((l) => l.charAt(0) !== "[");
      assert.deepStrictEqual(last.slice(0, 8), [
        "test/cli/fixtures/fails on sim (Simulated board)   1.500s of 1.500s   speed max",
        " ○ LED1  off",
        " ○ LED2  off",
        " ○ LED3  off",
        " ○ LED4  off",
        " □ BTN1  released",
        " □ BTN2  released",
        " ▮ D3    high",
      ]);
      assert.match(last[8], /^test\/cli\/fixtures\/fails on sim \(Simulated board\): 1\.500s simulated/);
      assert.strictEqual(last[last.length - 2], "  1.200s Task exception wasn't retrieved (task counter) at test/cli/fixtures/fails/main.ts:11:24: Error: counter gave up at 3");
      var printed = frames.join("\n").split("\n").filter((l) => l.charAt(0) === "[");
      assert.deepStrictEqual(
        printed,
        ["[0.400s] count 1", "[0.800s] count 2", "[1.200s] count 3", "[1.200s] Task exception wasn't retrieved (task counter): Error: counter gave up at 3"],
        "each printed line appears once, above the frame",
      );
      frames.slice(1, -1).forEach((f) => assert.strictEqual(f.split("\n").filter((l) => l.charAt(0) !== "[").length, 9, "a frame of 8 lines and a newline:\n" + f));
    });

    it("paces virtual time against real time at --speed 1 (the default there), a frame every 50 ms", async function () {
      var io = fakeIo({ tty: true }), seen: string[] = [];
      io.onWait = (f) => void seen.push(f.stdout.slice(f.stdout.lastIndexOf("\x1b[0J")).split("\n")[0]);
      var r = await ristretto(["sim", "firmware/blink", "--until", "1s"], io);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(io.waited, 1000, "a second of real time for a second of virtual time");
      assert.strictEqual(seen.length, 20);
      assert.match(seen[2], /^\x1b\[0Jfirmware\/blink on sim \(Simulated board\)   0\.100s of 1\.000s   speed 1x$/);
      assert.match(r.out, /1\.000s simulated in 1\.000s \(1\.00x real time\)/);
    });

    it("--speed 2 runs twice as fast as real time", async function () {
      var io = fakeIo({ tty: true });
      await ristretto(["sim", "firmware/blink", "--until", "1s", "--speed", "2"], io);
      assert.strictEqual(io.waited, 500);
      assert.match(io.stdout, /1\.000s simulated in 0\.500s \(2\.00x real time\)/);
    });

    it("--no-tty prints plain lines on a terminal too, at full speed", async function () {
      var io = fakeIo({ tty: true });
      var r = await ristretto(["sim", "firmware/blink", "--until", "1s", "--no-tty"], io);
      assert.strictEqual(r.out.indexOf("\x1b"), -1);
      assert.deepStrictEqual(r.out.split("\n").slice(0, 3), ["0.000s LED1 on", "0.500s LED1 off", "1.000s LED1 on"]);
      assert.strictEqual(io.waited, 0);
    });
  });
});

describe("the ristretto command", function () {
  it("lists its commands when given none or an unknown one, with exit code 2", async function () {
    var none = await ristretto([]), bad = await ristretto(["flsah"]);
    assert.deepStrictEqual([none.code, bad.code], [2, 2]);
    assert.match(none.err, /^No command given\.\nusage: ristretto <command> \[args\]/);
    assert.match(bad.err, /^Unknown command "flsah"\.\nusage: ristretto <command> \[args\].*\n\nCommands:\n  sim +runs an app on a simulated board, showing its LEDs live\n  build +builds an app/);
  });

  it("--help, help <command> and <command> --help print usage with exit code 0", async function () {
    var top = await ristretto(["--help"]), help = await ristretto(["help", "sim"]), sim = await ristretto(["sim", "--help"]);
    assert.deepStrictEqual([top.code, help.code, sim.code], [0, 0, 0]);
    assert.match(top.out, /^usage: ristretto <command>/);
    assert.strictEqual(help.out, sim.out);
    ["--board <id>", "--until <duration>", "--speed <1|max>", "--press <pin@time[:hold[:bounce]]>", "--vcd <file>", "--svg <file>", "--no-tty", "Exit code"].forEach((s) => assert.ok(sim.out.indexOf(s) >= 0, s + " in:\n" + sim.out));
  });

  it("runs from bin/ristretto.js as npx ristretto runs it, plain lines when piped", function () {
    this.timeout(20000); // a child process that may compile first
    var r = childProcess.spawnSync(process.execPath, [path.join(ROOT, "bin/ristretto.js"), "sim", "firmware/blink", "--until", "1s"], {
      cwd: ROOT,
      encoding: "utf8",
      env: Object.assign({}, process.env, { RISTRETTO_NO_COMPILE: "1" }),
    });
    assert.strictEqual(r.stderr, "");
    assert.strictEqual(r.status, 0);
    assert.deepStrictEqual(r.stdout.split("\n").slice(0, 4), ["0.000s LED1 on", "0.500s LED1 off", "1.000s LED1 on", "firmware/blink on sim (Simulated board): 1.000s simulated in " + r.stdout.split(" in ")[1].split("\n")[0]]);
  });
});
