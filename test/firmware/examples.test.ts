// Every firmware example runs on the simulated board in virtual time, and
// what it does to the pins (and prints) equals its golden trace
// (test/golden/<app>.trace; UPDATE_GOLDEN=1 rewrites them, to be reviewed).

import assert = require("assert");
import { golden, runFirmware } from "../support/firmware";
import type { PressOptions } from "../../src/sim/sim-base";
import { SERIAL_INPUT } from "../support/serial-input";

/** A press of the sim board's BTN1 (high when pressed) that bounces for 4 ms at each edge. */
function press(at: number, holdMs: number): [string, PressOptions] {
  return ["BTN1", { at: at, holdMs: holdMs, bounceMs: 4 }];
}

var EXAMPLES: { app: string; untilMs: number; presses?: [string, PressOptions][]; says: string }[] = [
  { app: "blink", untilMs: 2000, says: "LED1 toggles every 500 ms" },
  { app: "blink-many", untilMs: 1500, says: "LED1 toggles every 500 ms and LED2 every 300 ms" },
  {
    app: "button-led",
    untilMs: 6000,
    presses: [press(1000, 200), press(2000, 200), press(3000, 1500)],
    says: "each press makes LED1 blink faster; a long press turns it off and ends",
  },
  { app: "dimmer", untilMs: 2100, says: "LED1's PWM duty goes up and down every two seconds" },
  { app: "talk", untilMs: 60000, says: "the talk's examples print what the talk printed" },
  { app: "serial-echo", untilMs: 1500, says: "each line on SERIAL1 is answered, numbered, and blinks LED1" },
  { app: "nmea", untilMs: 7000, says: "GPGGA fixes are printed and acknowledged, a bad checksum is reported, a silent GPS times out" },
  { app: "led-walk", untilMs: 1000, says: "a light walks across LED1, LED2 and LED3 every 250 ms" },
];

describe("firmware examples on the sim board match their golden traces", function () {
  EXAMPLES.forEach(function (x) {
    it(x.app + ": " + x.says, function () {
      var lines = runFirmware(x.app, x.untilMs, x.presses, SERIAL_INPUT[x.app]);
      var expected = golden(x.app, "firmware/" + x.app + " on the sim board, 0 to " + x.untilMs + " ms: <ms> <pin> <names> <level or pwm duty>, or <ms> > <console line>" + (SERIAL_INPUT[x.app] ? ", or <ms> <port> rx|tx <bytes>" : ""), lines);
      assert.deepStrictEqual(lines, expected);
    });
  });
});
