import assert = require("assert");
import { KalumaRepl } from "../../src/cli/kaluma-link";
import { stripAnsi } from "../../src/cli/terminal-text";
import type { Link } from "../../src/cli/transport";

var PROMPT = "\x1b[0m\r\x1b7> \x1b[H\x1b[900C\x1b[6n\x1b8\x1b[2C";

/** A Link the test answers through: `device(text)` is what the board sends, `sent` what the host wrote. */
function fakeLink() {
  var data: ((b: Buffer) => void)[] = [], close: ((e?: Error) => void)[] = [], sent = "";
  var link: Link = {
    description: "/dev/ttyACM0",
    write: (d) => void (sent += Buffer.from(d).toString("latin1")),
    onData: (f) => void data.push(f),
    onClose: (f) => void close.push(f),
    close: () => Promise.resolve(),
  };
  return {
    link: link,
    sent: () => sent,
    device: (text: string) => data.forEach((f) => f(Buffer.from(text, "latin1"))),
    cut: () => close.forEach((f) => f(new Error("gone"))),
  };
}

/**
 * Starts `c` (host async functions are ristretto coroutines: they run once
 * awaited or handed to .then()) and lets it write, so the device's bytes
 * come after, as they would.
 */
async function begin<T>(c: PromiseLike<T>): Promise<{ done: Promise<T> }> {
  var done = new Promise<T>((resolve, reject) => c.then(resolve, reject));
  done.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1));
  return { done: done };
}

describe("the Kaluma REPL client", function () {
  it("takes a command's answer from between the echo of its line and the next prompt", async function () {
    var f = fakeLink(), repl = new KalumaRepl(f.link, 1000);
    var answer = (await begin(repl.command(".flash -s"))).done;
    f.device(".flash -s\r\n8123\r\n" + PROMPT);
    assert.strictEqual(stripAnsi(await answer), "8123\r\n\r");
    assert.strictEqual(f.sent(), ".flash -s\r", "a line ends with \\r alone");
  });

  it("finds the answer when a running program printed lines between the echoed characters", async function () {
    var f = fakeLink(), repl = new KalumaRepl(f.link, 1000);
    var answer = (await begin(repl.command(".flash -s"))).done;
    f.device(".fla");
    f.device("tick 1\r\n");
    f.device("sh -");
    f.device("tick 2\r\ns\r\n8123\r\n" + PROMPT);
    assert.strictEqual(stripAnsi(await answer), "8123\r\n\r");
  });

  it("skips a prompt left over from before the command", async function () {
    var f = fakeLink(), repl = new KalumaRepl(f.link, 1000);
    f.device(PROMPT);
    var answer = (await begin(repl.command(".flash -t"))).done;
    f.device(".flash -t\r\n524288\r\n" + PROMPT);
    assert.strictEqual(stripAnsi(await answer).trim(), "524288");
  });

  it("fails after the timeout of silence, saying what it waited for and what came", async function () {
    var f = fakeLink(), repl = new KalumaRepl(f.link, 50);
    var answer = (await begin(repl.command(".flash -s"))).done;
    f.device(".flash -s\r\n");
    await assert.rejects(answer, { message: 'No answer from /dev/ttyACM0 for the answer to .flash -s within 0.05 s: received ".flash -s\\r\\n"' });
  });

  it("fails at once when the link closes, naming the port and the step", async function () {
    var f = fakeLink(), repl = new KalumaRepl(f.link, 5000);
    var answer = (await begin(repl.command(".flash -s"))).done;
    f.cut();
    await assert.rejects(answer, { message: "The connection to /dev/ttyACM0 closed while waiting for the answer to .flash -s" });
  });

  it("wakes the REPL with CAN CAN, two backspaces and a return, and waits for the prompt", async function () {
    var f = fakeLink(), repl = new KalumaRepl(f.link, 1000);
    var woken = (await begin(repl.wake())).done;
    assert.strictEqual(f.sent(), "\x18\x18\x08\x08\r");
    f.device("\r\n" + PROMPT);
    await woken;
  });
});
