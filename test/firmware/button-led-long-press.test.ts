// firmware/button-led when its long press falls on the millisecond the
// blinker is due to toggle (3.000 s press held 1.5 s: both at 4.000 s).
// The long press's timer was set first, so it is seen first: LED1 stays
// off, with no on-and-off pulse of zero width in the trace.

import assert = require("assert");
import { runFirmware } from "../support/firmware";

describe("button-led: a long press on the blinker's toggle", function () {
  it("leaves LED1 off from its last toggle, with no two changes of LED1 in one millisecond", function () {
    var lines = runFirmware("button-led", 6000, [
      ["BTN1", { at: 1000, holdMs: 200, bounceMs: 4 }],
      ["BTN1", { at: 3000, holdMs: 1500 }],
    ]);
    var led = lines.filter((l) => / LED1 /.test(l));
    var times = led.map((l) => l.split(" ")[0]);
    assert.deepStrictEqual(times.filter((t, i) => times.indexOf(t) !== i), [], "changes of LED1 at one millisecond:\n" + led.join("\n"));
    assert.strictEqual(led[led.length - 1], "3875 D8 LED1 0");
  });
});
