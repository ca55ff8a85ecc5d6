// The firmware examples as the tests run them on a simulated board: which
// boards each is built for, how long it runs, and what it is sent (button
// presses, serial input). test/firmware/bundles.test.ts compares each built
// bundle's run with the Node simulation's; the device coverage check
// (test/engines/device-suites.test.ts) runs the same bundles with probes.

import path = require("path");
import type { PressOptions, SimBase } from "../../src/sim/sim-base";
import { SERIAL_INPUT } from "./serial-input";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/test/support

/** As examples.test.ts presses the sim board's BTN1: bouncing 4 ms at each edge. */
function press(at: number, holdMs: number): [string, PressOptions] {
  return ["BTN1", { at: at, holdMs: holdMs, bounceMs: 4 }];
}

export interface ExampleRun {
  app: string;
  boards: string[];
  untilMs: number;
  presses?: [string, PressOptions][];
}

export var EXAMPLES: ExampleRun[] = [
  { app: "blink", boards: ["espruino-pico", "pico"], untilMs: 2000 },
  { app: "blink-many", boards: ["espruino-pico"], untilMs: 1500 }, // the Pico has one LED
  { app: "button-led", boards: ["espruino-pico"], untilMs: 6000, presses: [press(1000, 200), press(2000, 200), press(3000, 1500)] }, // the Pico has no button
  { app: "dimmer", boards: ["puckjs", "pico"], untilMs: 2100 }, // the Espruino Pico's LEDs have no PWM
  { app: "talk", boards: ["espruino-pico", "pico", "sim"], untilMs: 60000 }, // a sim bundle's pins are inside it: talk uses none
  { app: "serial-echo", boards: ["espruino-pico", "puckjs"], untilMs: 1500 }, // Kaluma's ports are UART0 and UART1
  { app: "nmea", boards: ["espruino-pico"], untilMs: 7000 },
  { app: "led-walk", boards: ["puckjs", "pico"], untilMs: 1500 }, // three LEDs, and one
  { app: "io-paths", boards: ["espruino-pico"], untilMs: 2500, presses: [press(2000, 200)] },
];

/** Where an app is: firmware/<app>, or test/firmware/io-paths, which takes the paths of ristretto/io the examples do not. */
export function appDir(app: string): string {
  return app === "io-paths" ? path.join(ROOT, "test/firmware", app) : path.join(ROOT, "firmware", app);
}

/** Schedules the run's button presses and serial input on `sim`. */
export function feed(sim: SimBase, x: ExampleRun): void {
  (x.presses || []).forEach((p) => sim.press(p[0], p[1]));
  (SERIAL_INPUT[x.app] || []).forEach((s) => sim.uart(s[0]).send(s[1], s[2]));
}
