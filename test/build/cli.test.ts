import assert = require("assert");
import { ROOT } from "../../src/build/build";
import { boardIds } from "../../src/build/boards";
import { main } from "../../src/cli/build";

/** Runs the build command, capturing what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  var out: string[] = [], log = console.log, error = console.error;
  console.log = console.error = (...a: unknown[]) => void out.push(a.join(" "));
  try {
    var code = await main(args);
  } finally {
    console.log = log;
    console.error = error;
  }
  return { code: code, out: out.join("\n") };
}

describe("npm run build", function () {
  it("--help lists the options", async function () {
    var r = await cli(["--help"]);
    assert.strictEqual(r.code, 0);
    ["--board", "--no-minify", "--out", "puckjs", "espruino-pico", "pico-w", "sim"].forEach((s) => assert.ok(r.out.indexOf(s) >= 0, s));
  });

  it("refuses a missing app or board, and an unknown option, with the usage and exit code 2", async function () {
    assert.deepStrictEqual([(await cli([])).code, (await cli(["firmware/blink"])).code, (await cli(["--bogus"])).code], [2, 2, 2]);
    assert.match((await cli(["firmware/blink"])).out, /^No --board given\.\nusage:/);
    assert.match((await cli(["--bogus"])).out, /^Unknown option --bogus\nusage:/);
  });

  it("an unknown board is one clear line and exit code 1", async function () {
    var r = await cli(["firmware/blink", "--board", "pico2"]);
    assert.deepStrictEqual(r, { code: 1, out: 'Unknown board "pico2". Known boards: ' + boardIds(ROOT).join(", ") });
  });
});
