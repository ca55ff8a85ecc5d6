// What the serial firmware examples, and test/firmware/io-paths, are sent in
// their runs on the simulator (test/firmware/examples.test.ts,
// bundles.test.ts): [port, text, options].

import type { SendOptions } from "../../src/sim/sim-base";

export type Send = [string, string, SendOptions];

/** "$" + body + "*" + its NMEA checksum + "\r\n". */
export function sentence(body: string): string {
  var sum = 0;
  for (var i = 0; i < body.length; i++) sum ^= body.charCodeAt(i);
  return "$" + body + "*" + (sum < 16 ? "0" : "") + sum.toString(16).toUpperCase() + "\r\n";
}

var GGA = "GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,";
var GGA2 = "GPGGA,123520,4807.040,N,01131.002,E,1,09,0.9,545.6,M,46.9,M,,";
var RMC = "GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W";

export var SERIAL_INPUT: { [app: string]: Send[] } = {
  // A line split over chunks, two lines in one chunk, then one more.
  "serial-echo": [
    ["SERIAL1", "hel", { at: 100, chunk: 3 }],
    ["SERIAL1", "lo\r\n", { at: 150, chunk: 4 }],
    ["SERIAL1", "two\nthree\n", { at: 400, chunk: 16 }],
    ["SERIAL1", "last line\n", { at: 1000, chunk: 4 }],
  ],
  // 20 bytes into a buffer of 8, and a line for the first of two readers (test/firmware/io-paths).
  "io-paths": [
    ["SERIAL1", "abcdefghijklmnopqrst", { at: 100, chunk: 20 }],
    ["SERIAL1", "a line\n", { at: 1000, chunk: 8 }],
  ],
  // Sentences once a second in 8-byte chunks; one with a bad checksum; the GPS goes silent from 2.2 s to 6 s.
  nmea: [
    ["SERIAL1", sentence(GGA) + sentence(RMC), { at: 100, chunk: 8 }],
    ["SERIAL1", sentence(GGA2).replace("4807.040", "4807.041"), { at: 1100, chunk: 8 }],
    ["SERIAL1", sentence(GGA2), { at: 2100, chunk: 8 }],
    ["SERIAL1", sentence(GGA), { at: 6000, chunk: 8 }],
  ],
};
