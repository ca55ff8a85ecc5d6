// Every command's exit codes: 0 done, 1 the work failed, 2 bad usage (an
// unknown board, a missing app, a malformed option), in one table.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { main } from "../../src/cli/ristretto";
import { fakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../..");
var tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-exit-codes-"));
var FAILS = path.join(ROOT, "test/cli/fixtures/fails"), TYPE_ERROR = path.join(ROOT, "test/build/fixtures/type-error");
var NOBODY = "tcp://127.0.0.1:1"; // a port nothing answers on
// The espruino tools only log a refused TCP connection, so a flash there waits
// out --timeout (10 s by default) before flash checks the port itself and
// names it; a short one gives the same message and exit code sooner.
var SOON = ["--timeout", "1s"];
fs.writeFileSync(path.join(tmp, "a-file"), "not a folder");

/** [command line, exit code, what the first line of stderr says (of stdout when stderr is empty)]. */
var TABLE: [string[], number, RegExp][] = [
  [["nope"], 2, /^Unknown command "nope"\./],
  [["sim", "firmware/blink", "--until", "1s", "--no-tty"], 0, /LED1 on/],
  [["sim", FAILS, "--until", "2s", "--no-tty"], 1, /D3 high/],
  [["sim", "firmware/blink", "--board", "pico2"], 2, /^--board: unknown board "pico2"/],
  [["sim", "firmware/nope"], 2, /^No app at "firmware\/nope"/],
  [["sim", "firmware/blink", "--until", "soon"], 2, /^--until: /],
  [["build", "firmware/blink", "--board", "espruino-pico", "--out", tmp], 0, /blink\.espruino-pico\.js/],
  [["build", TYPE_ERROR, "--board", "espruino-pico", "--out", tmp], 1, /type error/],
  [["build", "firmware/blink", "--board", "pico2"], 2, /^--board: unknown board "pico2"/],
  [["build", "firmware/nope", "--board", "puckjs"], 2, /^No app at "firmware\/nope"/],
  [["build", "firmware/blink", "--board"], 2, /^--board: /],
  [["flash", "firmware/blink", "--board", "espruino-pico", "--port", NOBODY, "--out", tmp].concat(SOON), 1, /tcp:\/\/127\.0\.0\.1:1/],
  [["flash", "firmware/blink", "--board", "espruino-pico", "--port", NOBODY, "--monitor", "--out", tmp].concat(SOON), 1, /tcp:\/\/127\.0\.0\.1:1/],
  [["flash", "firmware/blink", "--board", "pico2", "--port", NOBODY], 2, /^--board: unknown board "pico2"/],
  [["flash", "firmware/nope", "--board", "puckjs", "--port", NOBODY], 2, /^No app at "firmware\/nope"/],
  [["flash", "firmware/blink", "--board", "puckjs", "--port", NOBODY, "--baud", "fast"], 2, /^--baud: /],
  [["monitor", "--port", NOBODY], 1, /tcp:\/\/127\.0\.0\.1:1/],
  [["monitor", "--port", NOBODY, "--board", "pico2"], 2, /^--board: unknown board "pico2"/],
  [["monitor", "--port", NOBODY, "--baud", "fast"], 2, /^--baud: /],
  [["boards"], 0, /^id +board/],
  [["boards", "extra"], 2, /^ristretto boards takes no arguments/],
  [["ports", "extra"], 2, /^ristretto ports takes no arguments/],
  [["new", path.join(tmp, "project"), "--board", "puckjs"], 0, /^Made /],
  [["new", path.join(tmp, "project2"), "--board", "pico2"], 2, /^--board: unknown board "pico2"/],
  [["new", path.join(tmp, "a-file", "project"), "--board", "puckjs"], 1, /^Cannot make the project in /],
  [["new", ROOT, "--board", "puckjs"], 2, /is not empty/],
];

describe("exit codes: 0 done, 1 the work failed, 2 bad usage, for every command", function () {
  this.timeout(120000); // a hang guard: builds are CPU-bound; no verdict here depends on it

  TABLE.forEach(function (row) {
    it("ristretto " + row[0].map((a) => a.replace(ROOT + path.sep, "").replace(tmp, "<tmp>")).join(" ") + " exits " + row[1], async function () {
      var io = fakeIo(), code = await main(row[0], io);
      assert.strictEqual(code, row[1], "stderr: " + io.stderr);
      assert.match((io.stderr || io.stdout).split("\n")[0], row[2]);
    });
  });
});
