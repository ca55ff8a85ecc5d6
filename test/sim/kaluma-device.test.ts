import assert = require("assert");
import { createKalumaDevice } from "../../src/sim/device";
import type { KalumaDevice, KalumaDeviceOptions } from "../../src/sim/device";

var PROMPT = "\x1b[0m\r\x1b7> \x1b[H\x1b[900C\x1b[6n\x1b8\x1b[2C";

/** A virtual Pico with Kaluma; `type` sends text and gives what the device answered to it. */
async function kaluma(o?: Partial<KalumaDeviceOptions>): Promise<{ d: KalumaDevice; type(text: string): Promise<string> }> {
  var d = await createKalumaDevice(Object.assign({ board: "pico", clock: "manual" as const }, o));
  var got = "", c = d.attach((b) => void (got += b.toString("latin1")));
  return {
    d: d,
    type: async function (text) {
      got = "";
      await c.input(text);
      await d.idle();
      return got;
    },
  };
}

describe("the virtual Kaluma device", function () {
  var d: KalumaDevice | undefined;
  afterEach(async function () {
    if (d) await d.close();
    d = undefined;
  });

  it("echoes a line, prints its value as Kaluma's REPL does, then the prompt with its cursor escapes", async function () {
    var k = await kaluma({ version: "1.1.0" });
    d = k.d;
    assert.strictEqual(await k.type("process.version\r"), "process.version\r\n\x1b[93m'1.1.0'\x1b[0m\r\n" + PROMPT);
    assert.strictEqual(await k.type(".nope\r"), ".nope\r\n\x1b[31mUnknown command: .nope\r\n\x1b[0m" + PROMPT);
  });

  it("prints the code in flash with each \\n as \\r\\n (.flash -r), and its length (.flash -s)", async function () {
    var k = await kaluma({ program: "var a = 1;\nvar b = 2;" });
    d = k.d;
    assert.strictEqual(await k.type(".flash -s\r"), ".flash -s\r\n21\r\n" + PROMPT);
    assert.strictEqual(await k.type(".flash -r\r"), ".flash -r\r\nvar a = 1;\r\nvar b = 2;\r\n" + PROMPT);
    assert.strictEqual(await k.type(".flash -e\r"), ".flash -e\r\nFlash has erased\r\n" + PROMPT);
    assert.strictEqual(k.d.program.size(), 0);
  });

  it("runs the code in flash at power on and at .load, not at .reset, and not at a power on with GP22 held low (safe boot)", async function () {
    var k = await kaluma({ program: "console.log('hi')" });
    d = k.d;
    var runs = () => k.d.console.filter((l) => l.text === "hi").length;
    assert.strictEqual(runs(), 1);
    await k.type(".reset\r");
    assert.strictEqual(runs(), 1);
    await k.type(".load\r");
    assert.strictEqual(runs(), 2);
    k.d.safeBoot = true;
    await k.d.powerCycle();
    assert.strictEqual(runs(), 2);
  });

  it("ends a transfer on CAN CAN from the sender, prints Aborted and leaves the code area as the header left it", async function () {
    var k = await kaluma({ program: "console.log('hi')", ymodemPollMs: 10000, afterTransferMs: 0 });
    d = k.d;
    assert.strictEqual(await k.type(".flash -w\r"), ".flash -w\r\nTransfer a file via YMODEM... (press 'a' to abort)\r\n");
    var answer = await k.type("\x18\x18");
    await k.d.idle();
    assert.match(answer + (await k.type("")), /^\x06\r\nAborted\r\n/);
    assert.strictEqual(k.d.program.code().toString(), "console.log('hi')", "no header came, so nothing was erased");
  });
});
