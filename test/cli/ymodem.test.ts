import assert = require("assert");
import { crc16, ymodemBlocks, YmodemError, YmodemSender } from "../../src/cli/ymodem";
import { YmodemReceiver } from "../../src/sim/device/kaluma-ymodem";

var SOH = 0x01, STX = 0x02, EOT = 0x04, ACK = 0x06, NAK = 0x15, CAN = 0x18, C = 0x43;

/** A sender whose writes are kept, one Buffer per write. */
function sender(data: Buffer, o?: { retries?: number; timeoutMs?: number }) {
  var sent: Buffer[] = [], progress: number[] = [];
  var s = new YmodemSender((b) => void sent.push(b), "app.js", data, { timeoutMs: (o && o.timeoutMs) || 5000, retries: o && o.retries, onProgress: (d) => void progress.push(d) });
  s.done.catch(() => undefined); // each test looks at it itself
  return { s: s, sent: sent, progress: progress, feed: (...bytes: number[]) => s.feed(Buffer.from(bytes)) };
}

function bytes(n: number): Buffer {
  var b = Buffer.alloc(n);
  for (var i = 0; i < n; i++) b[i] = (i * 7) & 0xff;
  return b;
}

describe("YMODEM sender", function () {
  it("computes CRC-16/XMODEM, the check value of 123456789 being 0x31C3", function () {
    assert.strictEqual(crc16(Buffer.from("123456789")), 0x31c3);
    assert.strictEqual(crc16(Buffer.alloc(0)), 0);
  });

  it("frames the header as a 128-byte block 0 holding the name, a NUL and the size, then 1024-byte blocks, and a short tail in a 128-byte block", function () {
    var data = bytes(1100), blocks = ymodemBlocks("app.js", data);
    assert.deepStrictEqual(blocks.map((b) => [b[0], b[1], b[2], b.length]), [
      [SOH, 0, 0xff, 133],
      [STX, 1, 0xfe, 1029],
      [SOH, 2, 0xfd, 133],
    ]);
    assert.strictEqual(blocks[0].subarray(3, 15).toString("latin1"), "app.js\u00001100 ");
    assert.ok(blocks[0].subarray(15, 131).every((x) => x === 0), "the header is padded with NULs");
    assert.deepStrictEqual(blocks[1].subarray(3, 1027), data.subarray(0, 1024));
    assert.deepStrictEqual(blocks[2].subarray(3, 79), data.subarray(1024));
    assert.ok(blocks[2].subarray(79, 131).every((x) => x === 0x1a), "the last block is padded with 0x1A");
    blocks.forEach((b) => assert.strictEqual(b.readUInt16BE(b.length - 2), crc16(b.subarray(3, b.length - 2)), "CRC16 of the data, high byte first"));
  });

  it("a tail of more than 128 bytes goes in a 1024-byte block", function () {
    assert.deepStrictEqual(ymodemBlocks("a", bytes(1024 + 129)).map((b) => b.length), [133, 1029, 1029]);
  });

  it("waits for the receiver's C, then sends header, data after ACK and C, EOT, and the empty header that ends the session", async function () {
    var t = sender(bytes(1100));
    t.feed(0x0d, 0x0a); // what the REPL printed before the transfer is not for the sender
    assert.strictEqual(t.sent.length, 0, "nothing before the receiver asks");
    t.feed(C);
    assert.strictEqual(t.sent[0][1], 0, "block 0");
    t.feed(ACK);
    assert.strictEqual(t.sent.length, 1, "after the header's ACK the data waits for C");
    t.feed(C);
    assert.strictEqual(t.sent[1][1], 1);
    t.feed(ACK);
    assert.strictEqual(t.sent[2][1], 2);
    t.feed(ACK);
    assert.deepStrictEqual(Array.from(t.sent[3]), [EOT]);
    t.feed(ACK);
    assert.deepStrictEqual([t.sent[4][0], t.sent[4][1], t.sent[4][2], t.sent[4].length], [SOH, 0, 0xff, 133]);
    assert.ok(t.sent[4].subarray(3, 131).every((x) => x === 0), "an empty header ends the session");
    t.feed(ACK);
    await t.s.done;
    assert.deepStrictEqual(t.progress, [1024, 1100]);
  });

  it("sends a block again, unchanged, on NAK and on C (the receiver's read timed out inside it)", async function () {
    var t = sender(bytes(300));
    t.feed(C, ACK, C);
    t.feed(NAK);
    t.feed(C);
    assert.strictEqual(t.sent.length, 4);
    assert.deepStrictEqual(t.sent[2], t.sent[1]);
    assert.deepStrictEqual(t.sent[3], t.sent[1]);
    t.feed(ACK, ACK, ACK);
    await t.s.done;
  });

  it("gives up after `retries` refusals of one block, and cancels with CAN CAN", async function () {
    var t = sender(bytes(300), { retries: 2 });
    t.feed(C, ACK, C, NAK, NAK, NAK);
    await assert.rejects(t.s.done, (e: YmodemError) => e.code === "retries" && /refused block 1 3 times/.test(e.message));
    assert.deepStrictEqual(Array.from(t.sent[t.sent.length - 1]), [CAN, CAN]);
  });

  it("stops when the receiver sends CAN CAN, and only then", async function () {
    var t = sender(bytes(3000));
    t.feed(C, ACK, C, ACK);
    t.feed(CAN, ACK); // a lone CAN is noise
    assert.strictEqual(t.sent[t.sent.length - 1][1], 3);
    t.feed(CAN, CAN);
    await assert.rejects(t.s.done, (e: YmodemError) => e.code === "cancelled" && e.message === "The device cancelled the transfer at block 3");
  });

  it("fails after timeoutMs of silence, saying what it waited for", async function () {
    var t = sender(bytes(10), { timeoutMs: 20 });
    await assert.rejects(t.s.done, (e: YmodemError) => e.code === "timeout" && e.message === 'No answer to start the transfer (its first "C") within 0.02 s');
  });

  it("abort() cancels with CAN CAN", async function () {
    var t = sender(bytes(10));
    t.feed(C);
    t.s.abort("stopped by the user");
    await assert.rejects(t.s.done, /stopped by the user/);
    assert.deepStrictEqual(Array.from(t.sent[t.sent.length - 1]), [CAN, CAN]);
  });

  it("delivers a file to Kaluma's receiver (the virtual device's) byte for byte", async function () {
    var data = bytes(5000), got: Buffer[] = [], header: [string, number] | undefined, result = "";
    var s: YmodemSender | undefined;
    var r = new YmodemReceiver(
      {
        send: (b) => setImmediate(() => s && s.feed(Buffer.from(b))),
        header: (name, size) => void (header = [name, size]),
        packet: (d) => (got.push(Buffer.from(d)), true),
        footer: () => undefined,
        end: (x) => void (result = x),
      },
      10,
      1000, // reads once the transfer began: a busy machine's pause is no silence
    );
    s = new YmodemSender((b) => setImmediate(() => r.feed(b)), "app.js", data, { timeoutMs: 2000 });
    await s.done;
    r.stop();
    assert.deepStrictEqual(header, ["app.js", 5000]);
    assert.deepStrictEqual(Buffer.concat(got), data);
    assert.strictEqual(result, "ok");
  });
});
