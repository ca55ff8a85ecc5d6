// The simulator's numbers for npm run bench: how much faster than real time
// it runs firmware, how many pin changes per second it records, and what a
// long trace costs in memory. Each is a ratio against a baseline measured in
// the same run: real time for the speed, and for the memory an array with an
// object per change (what a plain recorder would keep).

import { gather } from "ristretto";
import { every, output, uart } from "ristretto/io";
import type { Pin } from "ristretto/io";
import { LED1, LED2, LED3, LED4, SERIAL1 } from "ristretto/board";
import { simBoard } from "../src/hal/sim";
import { simUarts } from "../src/hal/sim-uart";
import { Trace } from "../src/hal/trace";
import type { TraceEntry } from "../src/hal/trace";
import { createSim } from "../src/sim/create-sim";

function blink(pin: Pin, periodMs: number) {
  var led = output(pin);
  return every(periodMs, function () {
    led.toggle();
  });
}

export interface SpeedResult {
  virtualMs: number;
  realMs: number;
  events: number;
}

async function timed(sim: ReturnType<typeof createSim>, virtualMs: number): Promise<SpeedResult> {
  var t0 = process.hrtime.bigint();
  await sim.advance(virtualMs);
  var realMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { virtualMs: virtualMs, realMs: realMs, events: simBoard.trace.size };
}

/** firmware/blink-many's code with four LEDs, on the sim board (four LEDs), for `hours` of virtual time. */
export async function blinkFour(hours: number): Promise<SpeedResult> {
  var sim = createSim("sim");
  sim.start(async function () {
    await gather([blink(LED1, 500), blink(LED2, 300), blink(LED3, 700), blink(LED4, 1100)]);
  });
  return timed(sim, hours * 3600000);
}

/** `tasks` tasks, each blinking a virtual pin of its own at a random period of 1 to 100 ms, for `virtualMs`. */
export async function randomBlinkers(tasks: number, virtualMs: number): Promise<SpeedResult> {
  var sim = createSim("sim"), seed = 1;
  sim.start(async function () {
    var all: PromiseLike<void>[] = [];
    for (var i = 0; i < tasks; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      all.push(blink(("V" + i) as unknown as Pin, 1 + ((seed >>> 16) % 100)));
    }
    await gather(all);
  });
  return timed(sim, virtualMs);
}

function heapBytes(): number {
  if (global.gc) global.gc();
  var m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Bytes per change of a trace of `n` changes on 8 pins (1 in 10 an analog value): the compact Trace, and an object per change. */
export function traceMemory(n: number): { compact: number; objects: number } {
  var pins = ["D0", "D1", "D2", "D3", "D4", "D5", "D6", "D7"], i: number, before = heapBytes();
  var trace = new Trace(), numbers = pins.map((p) => trace.number(p));
  for (i = 0; i < n; i++) trace.push(i * 0.5, numbers[i & 7], i % 10 === 9 ? (i % 100) / 100 : i & 1, i % 10 === 9);
  var compact = (heapBytes() - before) / n;
  before = heapBytes();
  var objects: TraceEntry[] = [];
  for (i = 0; i < n; i++) objects.push(i % 10 === 9 ? { t: i * 0.5, pin: pins[i & 7], value: (i % 100) / 100, analog: true } : { t: i * 0.5, pin: pins[i & 7], value: i & 1 });
  var plain = (heapBytes() - before) / n;
  if (trace.size !== objects.length) throw new Error("traces differ in length");
  return { compact: compact, objects: plain };
}

/** One NMEA sentence, 72 bytes with its "\r\n". */
var NMEA_LINE = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n";

export interface LineResult {
  lines: number;
  virtualMs: number;
  realMs: number;
}

/**
 * `seconds` of NMEA lines back to back at 115,200 baud into SERIAL1 of the sim
 * board, in 16-byte chunks, read by a task in readline() (`callbacks`: by a
 * plain data callback that splits lines with indexOf, no scheduler: the baseline).
 */
export async function readlineThroughput(seconds: number, callbacks: boolean): Promise<LineResult> {
  var sim = createSim("sim"), n = 0, bytes = (seconds * 115200) / 10, text = new Array(Math.floor(bytes / NMEA_LINE.length) + 1).join(NMEA_LINE);
  if (callbacks) {
    var buf = "";
    simUarts.port("SERIAL1").open(115200, function (s: string) {
      var i: number;
      buf += s;
      while ((i = buf.indexOf("\n")) >= 0) {
        buf = buf.slice(i + 1);
        n++;
      }
    });
  } else {
    sim.start(async function () {
      var port = uart(SERIAL1, { baud: 115200 });
      for (;;) {
        await port.readline();
        n++;
      }
    });
  }
  sim.uart("SERIAL1").send(text, { at: 0, chunk: 16, baud: 115200 });
  var t0 = process.hrtime.bigint();
  await sim.advance(seconds * 1000 + 10);
  var realMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (n !== text.length / NMEA_LINE.length) throw new Error("read " + n + " of " + text.length / NMEA_LINE.length + " lines");
  simUarts.reset(); // the wire's record of a minute of input
  return { lines: n, virtualMs: seconds * 1000, realMs: realMs };
}
