// flash on a board whose Storage is short of room: erased files that only
// need compacting, and a board that is truly full.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { flashCommand } from "../../src/cli/flash";
import { SLOTS } from "../../src/cli/espruino-flash";
import { pretokenise } from "../../src/build/espruino-tokens";
import { startVirtualDevice } from "../../src/sim/device";
import type { VirtualDeviceServer } from "../../src/sim/device";
import { fakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/test/cli
var BLINK = path.join(ROOT, "firmware/blink");
var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-flash-storage-"));

/** An Espruino Pico (48 KB of Storage) holding a file of `logBytes` and `trash` bytes of erased files. */
function device(logBytes: number, trash: number): Promise<VirtualDeviceServer> {
  return startVirtualDevice({ board: "espruino-pico", storage: { files: { "log.txt": new Array(logBytes + 1).join("x") }, trash: trash, trashCount: 1 } });
}

async function flash(url: string): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo();
  var code = await flashCommand({ listPorts: () => Promise.resolve([]) }).run([BLINK, "--board", "espruino-pico", "--port", url, "--out", out], io);
  return { code: code, out: io.stdout, err: io.stderr };
}

describe("ristretto flash, when the board's Storage is short of room", function () {
  this.timeout(30000);
  var d: VirtualDeviceServer;

  afterEach(function () {
    if (d) d.close();
  });

  it("compacts when erased files hold the room the bundle needs, says so, and flashes", async function () {
    d = await device(38000, 10000); // 1,120 bytes free, 11,120 after compaction: blink needs about 1,600
    var r = await flash(d.url);
    assert.strictEqual(r.err, "");
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /\nCompacted the board's Storage: 1120 bytes were free, 10000 more held by erased files; the bundle needs \d+\.\n/);
    assert.strictEqual(d.storage.read(SLOTS[0]), pretokenise(fs.readFileSync(path.join(out, "blink.espruino-pico.js"), "latin1")).code);
    assert.strictEqual(d.storage.read("log.txt")!.length, 38000, "the board's own files stay");
  });

  it("on a truly full board lists the files and their sizes and names compact() and erase, writing nothing", async function () {
    d = await device(47900, 100); // 1,120 bytes free, 1,220 after compaction: blink needs about 1,600
    var r = await flash(d.url);
    assert.strictEqual(r.code, 1);
    assert.match(
      r.err,
      /^The board's Storage is full: 1120 bytes free and 100 held by erased files \(require\("Storage"\)\.compact\(\) frees those\), and the bundle needs \d+\. Its files \(bytes\): log\.txt 47900\. Erase some \(require\("Storage"\)\.erase\(name\)\), or all with require\("Storage"\)\.eraseAll\(\), and flash again; the boot program is unchanged\n$/,
    );
    assert.strictEqual(d.storage.read(SLOTS[0]), undefined);
  });
});
