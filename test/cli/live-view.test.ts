import assert = require("assert");
import { applyChange, changeLine, consoleLine, createLiveState, frame, redraw, speedFactor, summary } from "../../src/sim/live-view";
import type { LiveState } from "../../src/sim/live-view";

/** The sim board's LEDs and buttons: LED1 on D8, BTN1 on D14 (pressed high), BTN2 on D15 (pressed low). */
function board(): LiveState {
  return createLiveState(
    "firmware/x on sim (Simulated board)",
    10000,
    "1x",
    [
      { label: "LED1", id: "D8", kind: "led" },
      { label: "BTN1", id: "D14", kind: "button", activeLow: false },
      { label: "BTN2", id: "D15", kind: "button", activeLow: true },
    ],
    { D8: "LED1", D14: "BTN1", D15: "BTN2", D4: "D4" },
  );
}

describe("the live view of a simulation", function () {
  it("a frame shows the time and each LED and button, lit or pressed, as a pure function of the state", function () {
    var s = board();
    assert.deepStrictEqual(frame(s, 80, false), [
      "firmware/x on sim (Simulated board)   0.000s of 10.000s   speed 1x",
      " ○ LED1  off",
      " □ BTN1  released",
      " □ BTN2  released",
    ]);
    applyChange(s, 0, "D8", 1, false);
    applyChange(s, 1500, "D14", 1, false);
    applyChange(s, 1500, "D15", 1, false); // its pull-up: still released
    applyChange(s, 1600, "D15", 0, false);
    applyChange(s, 1700, "D5", 1, false); // a pin without a board name
    applyChange(s, 1750, "D4", 0.5, true); // PWM at half duty
    assert.deepStrictEqual(frame(s, 80, false), [
      "firmware/x on sim (Simulated board)   1.750s of 10.000s   speed 1x",
      " ● LED1  on",
      " ■ BTN1  pressed",
      " ■ BTN2  pressed",
      " ▮ D5    high",
      " ◑ D4    50.0%",
    ]);
  });

  it("colours what is lit, and cuts lines to the terminal's width so that none wraps", function () {
    var s = board();
    applyChange(s, 0, "D8", 1, false);
    var f = frame(s, 24, true);
    assert.deepStrictEqual(f, ["\x1b[2mfirmware/x on sim (Sim…\x1b[0m", " \x1b[1;33m●\x1b[0m LED1  on", " □ BTN1  released", " □ BTN2  released"]);
    f.forEach((l) => assert.ok(l.replace(/\x1b\[[\d;]*m/g, "").length <= 23, l));
  });

  it("redraws in place: up over the old frame, clear, the new lines above, then the frame", function () {
    assert.strictEqual(redraw(0, [], ["a", "b"]), "a\nb\n");
    assert.strictEqual(redraw(2, ["[1.200s] hello"], ["a", "c"]), "\r\x1b[2A\x1b[0J[1.200s] hello\na\nc\n");
  });

  it("plain lines name the time, the pin and its state; printed lines carry their time", function () {
    var s = board();
    assert.strictEqual(changeLine(s, 1500, applyChange(s, 1500, "D8", 1, false)), " 1.500s LED1 on");
    assert.strictEqual(changeLine(s, 1600, applyChange(s, 1600, "D15", 0, false)), " 1.600s BTN2 pressed");
    assert.strictEqual(changeLine(s, 1700, applyChange(s, 1700, "D4", 0.25, true)), " 1.700s D4 25.0%");
    assert.strictEqual(consoleLine(1200, "hello"), "[1.200s] hello");
  });

  it("the summary gives each pin's changes and share of time on, the errors with their line, and the files written", function () {
    var s = board();
    applyChange(s, 0, "D8", 1, false);
    applyChange(s, 250, "D8", 0, false);
    applyChange(s, 500, "D15", 0, false);
    applyChange(s, 600, "D15", 1, false);
    applyChange(s, 700, "D4", 1, true);
    applyChange(s, 900, "D4", 0, true);
    s.t = 1000;
    assert.deepStrictEqual(
      summary(s, { realMs: 1000, consoleLines: 1, errors: [{ t: 900, message: "Task exception wasn't retrieved (task x) at firmware/x/main.ts:3:9: Error: no" }], wrote: ["x.vcd (10 bytes)"] }),
      [
        "firmware/x on sim (Simulated board): 1.000s simulated in 1.000s (1.00x real time)",
        "  LED1  2 changes, on 25.0% of the time",
        "  BTN1  no change, released",
        "  BTN2  2 changes, pressed 10.0% of the time",
        "  D4    2 changes, mean 20.0%, now 0.0%",
        "console: 1 line",
        "errors: 1",
        "  0.900s Task exception wasn't retrieved (task x) at firmware/x/main.ts:3:9: Error: no",
        "wrote x.vcd (10 bytes)",
      ],
    );
    assert.deepStrictEqual([speedFactor(0.5), speedFactor(12.4), speedFactor(123456)], ["0.50x", "12x", "123,456x"]);
  });
});
