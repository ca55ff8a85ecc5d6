import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { build } from "../../src/build/build";
import { loadBundle, loadBundleFile } from "ristretto/sim";
import type { BundleSim } from "ristretto/sim";

var root = path.resolve(__dirname, "../../..");

/** The console as "<ms> <text>" lines. */
function lines(sim: BundleSim): string[] {
  return sim.console.map((c) => c.t + " " + c.text);
}

function noErrors(sim: BundleSim): void {
  assert.deepStrictEqual(
    sim.errors.map((e) => e.message),
    [],
  );
}

describe("loadBundle: a bundle in QuickJS with its board's runtime globals", function () {
  this.timeout(20000);

  describe("Espruino (espruino-pico)", function () {
    it("pin functions drive the virtual board, and timers, getTime and Date.now run in virtual time; print() passes each line on", async function () {
      var printed: string[] = [];
      var sim = await loadBundle(
        "espruino-pico",
        `pinMode("B2", "output");
         var on = false;
         var id = setInterval(function () { on = !on; digitalWrite("B2", on); print("at", getTime(), Date.now()); }, 250);
         setTimeout(function () { clearInterval(id); }, 800);`,
        { print: (line) => printed.push(line) },
      );
      await sim.advance(2000);
      assert.deepStrictEqual(sim.pin("LED1").trace(), [
        [250, 1],
        [500, 0],
        [750, 1],
      ]);
      assert.deepStrictEqual(lines(sim), ["250 at 0.25 250", "500 at 0.5 500", "750 at 0.75 750"]);
      assert.deepStrictEqual(printed, ["at 0.25 250", "at 0.5 500", "at 0.75 750"]);
      assert.strictEqual(sim.now(), 2000);
      noErrors(sim);
      sim.dispose();
    });

    it("a pin the board lacks throws Espruino's Invalid pin, naming the board's pins; an unknown mode throws Unknown pin mode", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `try { digitalWrite("Z9", 1); } catch (e) { print(e.message); }
         try { pinMode("B2", "sideways"); } catch (e) { print(e.message); }
         try { clearTimeout(undefined); } catch (e) { print(e.message); }`,
      );
      var out = lines(sim);
      assert.match(out[0], /^0 Invalid pin "Z9": espruino-pico \(Espruino Pico\) has A0, A1, .*C15$/);
      assert.deepStrictEqual(out.slice(1), ["0 Unknown pin mode", "0 clearTimeout(undefined) not allowed. Use clearTimeout() instead"]);
      sim.dispose();
    });

    it("digitalWrite makes a pin an output unless pinMode fixed its mode; digitalRead makes it an input", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `digitalWrite("A1", 1);
         pinMode("A2", "input", false); digitalWrite("A2", 1);
         print(getPinMode("A1"), getPinMode("A2"), digitalRead("A1"), getPinMode("A1"));`,
      );
      assert.deepStrictEqual(lines(sim), ["0 output input 0 input"]);
      assert.deepStrictEqual(sim.pin("A1").trace(), [
        [0, 1],
        [0, 0],
      ]);
      assert.deepStrictEqual(sim.pin("A2").trace(), []);
      sim.dispose();
    });

    it("a press of BTN1 reaches setWatch on its rising edge after Espruino's 25 ms button debounce, with state, time and lastTime", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `pinMode("C13", "input_pulldown");
         setWatch(function (e) { print(JSON.stringify(e)); }, "C13", { repeat: true });`,
      );
      sim.press("BTN1", { at: 100, holdMs: 200, bounceMs: 4 });
      sim.press("BTN1", { at: 1000, holdMs: 200 });
      await sim.advance(2000);
      assert.deepStrictEqual(lines(sim), [
        '129 {"state":true,"time":0.104,"pin":"C13"}', // the last bounce at 104, then 25 ms stable
        '1025 {"state":true,"time":1,"lastTime":0.304,"pin":"C13"}',
      ]);
      noErrors(sim);
      sim.dispose();
    });

    it("a watch with debounce 0 and edge both sees every bounce; without repeat it fires once", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `pinMode("C13", "input_pulldown");
         setWatch(function (e) { print("both", e.state); }, "C13", { repeat: true, edge: "both", debounce: 0 });
         setWatch(function (e) { print("once", e.state); }, "C13", { edge: "falling", debounce: 0 });`,
      );
      sim.press("BTN1", { at: 100, holdMs: 200, bounceMs: 4 });
      await sim.advance(1000);
      assert.deepStrictEqual(lines(sim), [
        "100 both true",
        "102 both false",
        "102 once false",
        "104 both true",
        "300 both false",
        "302 both true",
        "304 both false",
      ]);
      sim.dispose();
    });

    it("a watch on a pin the program writes runs after the program returns, as the device queues the event", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `setWatch(function (e) { print("watch", e.state); }, "A0", { repeat: true, edge: "both" });
         pinMode("A0", "output");
         digitalWrite("A0", 1);
         print("written");`,
      );
      assert.deepStrictEqual(lines(sim), ["0 written", "0 watch true"]);
      sim.dispose();
    });

    it("the STM32 cannot watch two pins with the same number: Espruino warns and sets no watch", async function () {
      var sim = await loadBundle("espruino-pico", `print(setWatch(function () {}, "A1", true), setWatch(function () {}, "B1", true), setWatch(function () {}, "A1", true));`);
      assert.deepStrictEqual(lines(sim).slice(-1), ["0 1 undefined 2"]);
      assert.match(sim.errors[0].message, /^Espruino printed: WARNING: Unable to set watch. You may already have a watch on a pin with the same number \(eg. A0 and B0\)/);
      sim.dispose();
    });

    it("analogRead reads what setAnalog and ramp set; analogWrite records the duty; a pin without PWM gets Espruino's error", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `var n = 0, id = setInterval(function () { print(analogRead("A5")); analogWrite("A0", n++ / 4, { freq: 200 }); if (n > 4) clearInterval(id); }, 100);
         analogWrite("B2", 0.5);`,
      );
      sim.setAnalog("A5", 0.25, 150);
      sim.ramp("A5", { at: 250, from: 0.5, to: 1, durationMs: 200, stepMs: 100 });
      await sim.advance(1000);
      assert.deepStrictEqual(lines(sim).slice(1), ["100 0", "200 0.25", "300 0.5", "400 0.75", "500 1"]);
      assert.deepStrictEqual(sim.pin("A0").trace(), [
        [100, 0],
        [200, 0.25],
        [300, 0.5],
        [400, 0.75],
        [500, 1],
      ]);
      assert.strictEqual(lines(sim)[0], "0 ERROR: Pin B2 is not capable of PWM Output. Suitable pins are: A0, A1, A2, A3, A5, A6, A7, A8, A10, A15, B0, B1, B3, B4, B5, B6, B7, B8, B9, B10, B13, B14, B15");
      assert.strictEqual(sim.errors.length, 1);
      sim.dispose();
    });

    it("timer ids are the last live timer's plus one, so Espruino reuses them", async function () {
      var sim = await loadBundle("espruino-pico", `var a = setTimeout(function () { print("b", setTimeout(function () {}, 10)); }, 10); print("a", a, setTimeout(function () {}, 5));`);
      await sim.advance(100);
      assert.deepStrictEqual(lines(sim), ["0 a 1 2", "10 b 1"]);
      sim.dispose();
    });
  });

    it("Serial1 is Espruino's Serial: setup, on('data') with strings, write of strings, bytes and arrays, unsetup", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `Serial1.setup(9600, { rx: "B7", tx: "B6" });
         Serial1.on("data", function (d) { print("got", JSON.stringify(d)); Serial1.write(d.toUpperCase(), 33, [10]); });
         setTimeout(function () { Serial1.unsetup(); }, 100);`,
      );
      sim.uart("SERIAL1").send("ab", { at: 10 });
      sim.uart("SERIAL1").send("late", { at: 200 });
      await sim.advance(300);
      assert.deepStrictEqual(lines(sim), ['13 got "ab"']);
      assert.deepStrictEqual(sim.uart("SERIAL1").written(), [[13, "AB"], [13, "!"], [13, "\n"]]);
      assert.deepStrictEqual(sim.uart("SERIAL1").received().map((c) => c[1]), ["ab", "late"], "the late bytes were on the wire, and lost");
      assert.strictEqual(typeof sim.eval("typeof Serial2"), "string");
      assert.strictEqual(sim.eval("typeof Serial3"), "undefined", "the Pico has Serial1 and Serial2");
      noErrors(sim);
      sim.dispose();
    });

  describe("strings through the build", function () {
    it("bytes 0x80-0xFF in a string literal leave the build as escapes, and the board writes exactly those bytes", async function () {
      var out = fs.mkdtempSync(path.join(require("os").tmpdir(), "ristretto-high-bytes-"));
      var r = await build({ app: path.join(root, "test/build/fixtures/high-bytes"), board: "espruino-pico", outDir: out });
      var code = fs.readFileSync(path.join(out, r.file), "utf8");
      assert.ok(!/[\x80-\uffff]/.test(code), "no raw character above 0x7F in the bundle");
      var sim = await loadBundleFile("espruino-pico", path.join(out, r.file));
      await sim.advance(100);
      var bytes = sim.uart("SERIAL1").written().map((w) => w[1]).join("");
      assert.deepStrictEqual([].map.call(bytes, (c: string) => c.charCodeAt(0)), [0xff, 0x80, 0x00, 0x41]);
      noErrors(sim);
      sim.dispose();
      fs.rmSync(out, { recursive: true, force: true });
    });
  });

  describe("Kaluma (pico), serial ports", function () {
    it("require('uart').UART is Kaluma's: a Uint8Array per data event, write of a Uint8Array or a string, close", async function () {
      var sim = await loadBundle(
        "pico",
        `var UART = require("uart").UART;
         var u = new UART(0, { baudrate: 115200, tx: 0, rx: 1 });
         u.on("data", function (d) { print(d instanceof Uint8Array, d.length, d[0]); u.write(new Uint8Array([d[0] + 1])); u.write("ok"); });
         setTimeout(function () { u.close(); }, 50);
         try { new UART(5, {}); } catch (e) { print(e.message); }`,
      );
      sim.uart("UART0").send("A", { at: 5 });
      await sim.advance(100);
      assert.deepStrictEqual(lines(sim), ["0 UART port setup failed", "6 true 1 65"]);
      assert.deepStrictEqual(sim.uart("UART0").written(), [[6, "B"], [6, "ok"]]);
      assert.strictEqual(sim.uart("UART0").isOpen(), false);
      noErrors(sim);
      sim.dispose();
    });

    it("uart(UART0) firmware built for the pico answers lines sent to it", async function () {
      var out = fs.mkdtempSync(path.join(require("os").tmpdir(), "ristretto-uart0-"));
      var r = await build({ app: path.join(root, "test/build/fixtures/uart0-echo"), board: "pico", outDir: out });
      var sim = await loadBundleFile("pico", path.join(out, r.file));
      sim.uart("UART0").send("one\ntw", { at: 10, chunk: 4 });
      sim.uart("UART0").send("o\n", { at: 20 });
      await sim.advance(100);
      assert.deepStrictEqual(sim.uart("UART0").text(), "> one\n> two\n");
      noErrors(sim);
      sim.dispose();
      fs.rmSync(out, { recursive: true, force: true });
    });
  });

  describe("Kaluma (pico)", function () {
    it("Date.now steps in whole seconds, as the RP2040's RTC does; blink still toggles every 500 ms, as the loop reads millis()", async function () {
      var sim = await loadBundle("pico", `setTimeout(function () { print(Date.now(), millis()); }, 1500);`);
      await sim.advance(2000);
      assert.deepStrictEqual(lines(sim), ["1500 1000 1500"]);
      sim.dispose();
      var out = fs.mkdtempSync(path.join(require("os").tmpdir(), "ristretto-kaluma-clock-"));
      var r = await build({ app: path.join(root, "firmware/blink"), board: "pico", outDir: out });
      var blink = await loadBundleFile("pico", path.join(out, r.file));
      await blink.advance(1600);
      assert.deepStrictEqual(blink.pin("LED1").trace(), [[0, 1], [500, 0], [1000, 1], [1500, 0]]);
      noErrors(blink);
      blink.dispose();
      fs.rmSync(out, { recursive: true, force: true });
    });

    it("digitalWrite sets the output latch; the pin shows it once pinMode makes it an OUTPUT", async function () {
      var sim = await loadBundle("pico", `digitalWrite(25, HIGH); setTimeout(function () { pinMode(board.LED, OUTPUT); print(millis(), digitalRead(25)); }, 100);`);
      await sim.advance(200);
      assert.deepStrictEqual(sim.pin("LED1").trace(), [[100, 1]]);
      assert.deepStrictEqual(lines(sim), ["100 100 1"]);
      sim.dispose();
    });

    it("arguments are checked as Kaluma checks them, and a GPIO the board lacks is a SystemError", async function () {
      var sim = await loadBundle(
        "pico",
        `[function () { digitalWrite(25, true); }, function () { digitalRead("GP25"); }, function () { setTimeout("x", 10); },
          function () { digitalRead(30); }, function () { analogRead(25); }, function () { analogWrite(29, 0.5); }].forEach(function (f) {
           try { f(); } catch (e) { print(e.name + ": " + e.message); }
         });`,
      );
      assert.deepStrictEqual(lines(sim), [
        '0 TypeError: "value" argument must be a number',
        '0 TypeError: "pin" argument must be a number',
        '0 TypeError: "callback" argument must be a function',
        "0 SystemError: Invalid pin number",
        "0 SystemError: Invalid pin number",
        "0 SystemError: Invalid pin number",
      ]);
      sim.dispose();
    });

    it("setWatch calls back with the pin on the events asked for; a callback that throws is printed and its watch closed", async function () {
      var sim = await loadBundle(
        "pico",
        `pinMode(14, INPUT_PULLDOWN);
         setWatch(function (pin) { print("rising", pin, digitalRead(pin)); }, 14, RISING, 10);
         var n = 0;
         setWatch(function () { n++; print("change", n); if (n === 2) throw new Error("two"); }, 14, CHANGE);`,
      );
      sim.press("GP14", { at: 100, holdMs: 100, bounceMs: 4 });
      sim.press("GP14", { at: 500, holdMs: 100 });
      await sim.advance(1000);
      assert.deepStrictEqual(lines(sim), ["100 change 1", "102 change 2", "102 Error: two", "114 rising 14 1", "510 rising 14 1"]);
      assert.match(sim.errors[0].message, /^Uncaught exception in a watch callback: Error: two$/);
      sim.dispose();
    });

    it("analogWrite records the duty on a PWM pin, analogRead reads an ADC pin, delay() lets virtual time pass", async function () {
      var sim = await loadBundle("pico", `analogWrite(25, 0.3, 1000); delay(20); print(millis(), analogRead(26)); analogWrite(25, 2);`);
      sim.setAnalog("GP26", 0.5, 50);
      await sim.advance(100);
      assert.deepStrictEqual(sim.pin("LED1").trace(), [
        [0, 0.3],
        [20, 1],
      ]);
      assert.deepStrictEqual(lines(sim), ["20 20 0"]);
      assert.strictEqual(sim.eval("analogRead(26)"), 0.5);
      sim.dispose();
    });
  });

  describe("memory, errors and eval", function () {
    it("a program that allocates past the board's budget is stopped with an error naming the board and the budget; the trace before stays", async function () {
      var sim = await loadBundle(
        "espruino-pico",
        `var keep = [], on = false;
         setWatch(function () { print("pressed"); }, "C13", { repeat: true });
         setInterval(function () { on = !on; digitalWrite("B2", on); }, 100);
         setTimeout(function () { setInterval(function () { for (var i = 0; i < 100; i++) keep.push({ n: i, s: "item " + i }); }, 10); }, 350);`,
      );
      sim.press("BTN1", { at: 3000, bounceMs: 4 }); // after it stopped: the board goes on, the program does not
      var before = sim.memory();
      assert.ok(before.used > 0 && before.used < 200 && before.limit === 5100 && before.unit === "variables", "expected a little of 5100 variables in use, got " + JSON.stringify(before));
      await sim.advance(5000);
      assert.strictEqual(sim.errors.length, 1, "expected one error, got " + JSON.stringify(sim.errors.map((e) => e.message)));
      var e = sim.errors[0];
      assert.match(
        e.message,
        /^Out of memory on espruino-pico \(Espruino Pico\): the program needs more than its 5100 variables \(memory.variables in boards\/espruino-pico.json\) \(in an interval callback\); the simulation stopped the program$/,
      );
      assert.ok(e.t > 350 && e.t < 1000, "expected it within a few rounds of allocation, at " + e.t);
      assert.ok(sim.stopped);
      var trace = sim.pin("LED1").trace();
      assert.deepStrictEqual(trace.slice(0, 3), [
        [100, 1],
        [200, 0],
        [300, 1],
      ]);
      assert.ok(trace[trace.length - 1][0] <= e.t, "no LED change after the program stopped");
      assert.deepStrictEqual(sim.pin("BTN1").trace().slice(0, 2), [
        [3000, 1],
        [3002, 0],
      ]);
      assert.deepStrictEqual(lines(sim).slice(-1), [e.t + " Uncaught InternalError: out of memory"]);
      sim.dispose();
    });

    it("an exception the engine has no memory left to make is reported as out of memory, not as a thrown null", async function () {
      // Memory filled to the last bytes, an exception then finds no room for itself nor for QuickJS's out-of-memory error.
      var sim = await loadBundle("espruino-pico", `var h = null; setTimeout(function () { try { for (;;) h = [h]; } catch (e) {} try { for (;;) h = { n: h }; } catch (e) {} throw new Error("after"); }, 10);`);
      await sim.advance(100);
      assert.deepStrictEqual(lines(sim), ["10 Uncaught InternalError: out of memory"]);
      assert.match(sim.errors[0].message, /^Out of memory on espruino-pico \(Espruino Pico\): the program needs more than its 5100 variables .* \(in a timeout callback\); the simulation stopped the program$/);
      assert.ok(sim.stopped);
      sim.dispose();
    });

    it("memoryLimit overrides the board's budget, in its unit", async function () {
      var big = await loadBundle("pico", `var a = []; for (var i = 0; i < 2000; i++) a.push({ i: i });`, { memoryLimit: Infinity });
      assert.ok(big.memory().used > 30000, "2000 objects use tens of KB: " + JSON.stringify(big.memory()));
      big.dispose();
      var small = await loadBundle("pico", `var a = []; for (var i = 0; i < 2000; i++) a.push({ i: i });`, { memoryLimit: 20000 });
      assert.match(small.errors[0].message, /^Out of memory on pico \(Raspberry Pi Pico \(Kaluma\)\): the program needs more than its 20000 bytes \(the memoryLimit option\): its top level leaves \d+ bytes in use/);
      small.dispose();
    });

    it("an exception from the top level or a timer is printed as the runtime prints it and kept in errors; the trace up to it stays", async function () {
      var sim = await loadBundle("espruino-pico", `digitalWrite("B2", 1); setTimeout(function () { digitalWrite("B2", 0); null.x; }, 100); throw new Error("top");`);
      await sim.advance(500);
      assert.deepStrictEqual(sim.pin("LED1").trace(), [
        [0, 1],
        [100, 0],
      ]);
      assert.deepStrictEqual(lines(sim), ["0 Uncaught Error: top", "100 Uncaught TypeError: cannot read property 'x' of null"]);
      assert.deepStrictEqual(
        sim.errors.map((e) => [e.t, e.message]),
        [
          [0, "Uncaught exception in the bundle's top level: Error: top"],
          [100, "Uncaught exception in a timeout callback: TypeError: cannot read property 'x' of null"],
        ],
      );
      sim.dispose();
    });

    it("a program busy too long without returning is interrupted and stopped", async function () {
      var sim = await loadBundle("espruino-pico", `setTimeout(function () { for (;;) {} }, 10); setInterval(function () { print("tick"); }, 5);`, { busyLimitMs: 20 });
      await sim.advance(100);
      assert.deepStrictEqual(lines(sim), ["5 tick", "10 Uncaught InternalError: interrupted"]); // the endless timeout was due first at 10 ms
      assert.match(sim.errors[0].message, /^Busy for more than 20 ms of real time in a timeout callback without returning to the runtime \(an endless loop\?\); the simulation stopped the program$/);
      sim.dispose();
    });

    it("eval() runs more code in the same sandbox and gives its value; what it throws comes as a host Error with the engine's message", async function () {
      var sim = await loadBundle("espruino-pico", `var count = 0; setInterval(function () { count++; }, 100);`);
      await sim.advance(350);
      assert.strictEqual(sim.eval("count"), 3);
      assert.deepStrictEqual(sim.eval("({ a: [1, 2], t: getTime() })"), { a: [1, 2], t: 0.35 });
      sim.eval("setTimeout(function () { print('later', count); }, 100); Promise.resolve(1).then(function (v) { print('job', v); })");
      await sim.advance(100);
      assert.deepStrictEqual(lines(sim), ["350 job 1", "450 later 4"]); // promise jobs run before eval() returns
      assert.throws(
        () => sim.eval("nope + 1"),
        (e: Error) => e.name === "ReferenceError" && e.message === "'nope' is not defined",
      );
      assert.throws(() => sim.eval("digitalWrite('Q1', 1)"), /^Error: Invalid pin "Q1"/);
      noErrors(sim);
      sim.dispose();
      assert.throws(() => sim.eval("1"), /eval\(\): this simulation was disposed/);
      await assert.rejects(sim.advance(1), /advance\(\): this simulation was disposed/);
    });

    it("several run at once, each on its own board, clock and memory budget", async function () {
      var a = await loadBundle("espruino-pico", `pinMode("B2", "output"); setInterval(function () { digitalWrite("B2", !digitalRead("B2")); }, 100);`);
      var b = await loadBundle("pico", `pinMode(25, OUTPUT); setInterval(function () { digitalWrite(25, 1 - digitalRead(25)); }, 300);`);
      await a.advance(250);
      await b.advance(700);
      await a.advance(100);
      assert.deepStrictEqual([a.now(), b.now()], [350, 700]);
      assert.deepStrictEqual(a.pin("LED1").trace(), [
        [100, 1],
        [200, 0],
        [300, 1],
      ]);
      assert.deepStrictEqual(b.pin("LED1").trace(), [
        [300, 1],
        [600, 0],
      ]);
      assert.deepStrictEqual([a.memory().limit, a.memory().unit, b.memory().limit, b.memory().unit], [5100, "variables", 180 * 1024, "bytes"]);
      a.dispose();
      b.dispose();
    });

    it("a bundle built for the sim board runs with timers and console; its pins are inside it, out of reach", async function () {
      var sim = await loadBundle("sim", `var n = 0; var id = setInterval(function () { console.log("n", ++n); if (n === 3) clearInterval(id); }, 100);`);
      await sim.advance(1000);
      assert.deepStrictEqual(lines(sim), ["100 n 1", "200 n 2", "300 n 3"]);
      assert.throws(() => sim.press("BTN1"), /A bundle built for the sim board keeps its pins inside it/);
      sim.dispose();
    });
  });

  describe("built firmware", function () {
    var dir = "";
    before(function () {
      dir = fs.mkdtempSync(path.join(root, ".build", "bundle-sim-")); // apps build from inside the package (its tsconfig's rootDir)
    });
    after(function () {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("an exception in a task or one that escapes to the runtime names its TypeScript line, through the bundle's source map", async function () {
      var app = path.join(root, "test/build/fixtures/late-throw"); // throws in a task at 100 ms (line 9), in a timer at 300 ms (line 13)
      var r = await build({ app: app, board: "espruino-pico", outDir: dir });
      var sim = await loadBundleFile("espruino-pico", path.join(dir, r.file));
      await sim.advance(1000);
      assert.deepStrictEqual(sim.pin("LED1").trace(), [
        [0, 1],
        [100, 0],
      ]);
      var main = path.relative(process.cwd(), path.join(app, "main.ts"));
      assert.deepStrictEqual(lines(sim), [
        "100 Task exception wasn't retrieved: Error: in a task",
        "100     at <anonymous> (late-throw.espruino-pico.js:1:" + /:1:(\d+)\)$/.exec(lines(sim)[1])![1] + ")", // the loop prints where, as Espruino would
        "300 Uncaught Error: in a timer",
      ]);
      assert.deepStrictEqual(
        sim.errors.map((e) => [e.t, e.message]),
        [
          [100, "Task exception wasn't retrieved at " + main + ":9:13: Error: in a task"],
          [300, "Uncaught exception in a timeout callback at " + main + ":13:13: Error: in a timer"],
        ],
      );
      sim.dispose();
    });

    it("firmware whose task runs out of memory is stopped with the board's budget in the error, its trace so far kept", async function () {
      var app = path.join(dir, "hog");
      fs.mkdirSync(app);
      fs.writeFileSync(
        path.join(app, "main.ts"),
        [
          'import { run, sleepMs } from "ristretto";',
          'import { output } from "ristretto/io";',
          'import { LED1 } from "ristretto/board";',
          "",
          "var kept: { n: number }[] = [];",
          "run(async function () {",
          "  var led = output(LED1);",
          "  for (;;) {",
          "    led.toggle();",
          "    for (var j = 0; j < 200; j++) kept.push({ n: j });",
          "    console.log(kept.length);", // read, or terser drops the array
          "    await sleepMs(100);",
          "  }",
          "});",
          "",
        ].join("\n"),
      );
      var r = await build({ app: app, board: "espruino-pico", outDir: dir });
      var sim = await loadBundleFile("espruino-pico", path.join(dir, r.file));
      await sim.advance(5000);
      assert.ok(sim.stopped, "stopped");
      assert.strictEqual(sim.errors.length, 1, JSON.stringify(sim.errors.map((e) => e.message)));
      var e = sim.errors[0], trace = sim.pin("LED1").trace();
      assert.match(e.message, /^Out of memory on espruino-pico \(Espruino Pico\): the program needs more than its 5100 variables \(memory.variables in boards\/espruino-pico.json\)/);
      assert.ok(e.t >= 100 && e.t <= 1000, "out of memory after a few rounds of 200 objects, at " + e.t);
      assert.deepStrictEqual(trace.slice(0, 2), [
        [0, 1],
        [100, 0],
      ]);
      assert.strictEqual(trace[trace.length - 1][0], e.t, "the last LED change is the round that ran out");
      sim.dispose();
    });
  });
});
