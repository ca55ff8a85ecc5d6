// npm run build -- <app> --board <id>: the compiled src/cli/build.js run by node,
// as package.json's script runs it (test/cli/build.test.ts has the size line).

import assert = require("assert");
import childProcess = require("child_process");
import path = require("path");
import { ROOT } from "../../src/build/build";
import { boardIds } from "../../src/build/boards";
import { main } from "../../src/cli/build";
import { fakeIo } from "../cli/fake-io";

/** Runs the build command in-process; its exit code and what it printed. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  var io = fakeIo(), code = await main(args, io);
  return { code: code, out: io.stdout, err: io.stderr };
}

/** What npm run build runs after compiling: node with the host hook on the compiled command. */
function npmRunBuild(args: string[]): childProcess.SpawnSyncReturns<string> {
  return childProcess.spawnSync(process.execPath, ["-r", "./.build/src/sim/host-resolve.js", ".build/src/cli/build.js"].concat(args), { cwd: ROOT, encoding: "utf8" });
}

describe("npm run build", function () {

  it("runs the command as package.json's script does, and exits with its code", function () {
    var help = npmRunBuild(["--help"]), bad = npmRunBuild(["firmware/blink"]);
    assert.deepStrictEqual([help.status, help.stderr], [0, ""]);
    assert.match(help.stdout, /^usage: ristretto build <app> --board <id> .*\(here also: npm run build -- <app> \.\.\.\)\n/);
    assert.deepStrictEqual([bad.status, bad.stdout], [2, ""]);
    assert.strictEqual(bad.stderr, "No --board given: expected one of " + boardIds(ROOT).join(", ") + "\nRun ristretto build --help for the options.\n");
  });

  it("--help lists the options and the boards", async function () {
    var r = await cli(["--help"]);
    assert.strictEqual(r.code, 0);
    ["--board", "--no-minify", "--out", "puckjs", "espruino-pico", "pico-w", "sim"].forEach((s) => assert.ok(r.out.indexOf(s) >= 0, s));
  });

  it("refuses a missing app or board, and an unknown option, with one line, the hint and exit code 2", async function () {
    var rs = [await cli([]), await cli(["firmware/blink"]), await cli(["--bogus"])];
    assert.deepStrictEqual(
      rs.map((r) => r.code),
      [2, 2, 2],
    );
    assert.match(rs[0].err, /^No app given: .*\nRun ristretto build --help for the options\.\n$/);
    assert.match(rs[1].err, /^No --board given: expected one of banglejs2, .*\nRun ristretto build --help for the options\.\n$/);
    assert.match(rs[2].err, /^Unknown option --bogus\. Options: --board, --out, --no-minify, --es5, --watch, --help\nRun ristretto build --help/);
  });
});
