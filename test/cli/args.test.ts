import assert = require("assert");
import { isUsageError, optionsHelp, parseArgs, parseDuration, parsePress, parseSend } from "../../src/cli/args";
import type { OptionSpec } from "../../src/cli/args";

var SPECS: OptionSpec[] = [
  { name: "--until", value: "duration", help: "how long" },
  { name: "--press", value: "spec", repeat: true, help: "a press" },
  { name: "--no-tty", help: "plain" },
];

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    assert.ok(isUsageError(e), "a usage error: " + e);
    return e as Error;
  }
  throw new Error("expected a usage error");
}

describe("command-line arguments", function () {
  it("reads durations in ms, s, m and h, to the microsecond", function () {
    assert.deepStrictEqual(["800ms", "1.5s", "10s", "2m", "1h", "0.0015s", ".5s"].map((d) => parseDuration("--until", d)), [800, 1500, 10000, 120000, 3600000, 1.5, 500]);
    ["ten", "10", "-1s", "1.5 s", "1e3ms", ""].forEach((d) => assert.strictEqual(thrown(() => parseDuration("--until", d)).message, "--until: expected a duration such as 10s, 1.5s, 800ms or 2m, got " + JSON.stringify(d)));
  });

  it("reads a press as pin@when, with how long it is held and how long it bounces if given", function () {
    assert.deepStrictEqual(parsePress("BTN1@1.5s"), { pin: "BTN1", at: 1500, text: "BTN1@1.5s" });
    assert.deepStrictEqual(parsePress("BTN1@1.5s:800ms"), { pin: "BTN1", at: 1500, holdMs: 800, text: "BTN1@1.5s:800ms" });
    assert.deepStrictEqual(parsePress("D14@0ms:1s:5ms"), { pin: "D14", at: 0, holdMs: 1000, bounceMs: 5, text: "D14@0ms:1s:5ms" });
    assert.strictEqual(thrown(() => parsePress("BTN1@1s:0ms")).message, "--press BTN1@1s:0ms: expected a hold longer than 0 ms, got 0ms");
    assert.strictEqual(thrown(() => parsePress("@1s")).message, '--press: expected PIN@TIME[:HOLD[:BOUNCE]] such as BTN1@1.5s or BTN1@1.5s:800ms, got "@1s"');
  });

  it("reads a send as port@when:text, with the escapes \\r \\n \\t \\\\ \\xHH decoded and a colon in the text kept", function () {
    assert.deepStrictEqual(parseSend("SERIAL1@1.5s:$GPGGA,1:2*4A\\r\\n"), { port: "SERIAL1", at: 1500, data: "$GPGGA,1:2*4A\r\n", text: "SERIAL1@1.5s:$GPGGA,1:2*4A\\r\\n" });
    assert.strictEqual(parseSend("UART0@0ms:a\\tb\\\\n\\xff\\x00").data, "a\tb\\n\xff\x00");
    assert.strictEqual(thrown(() => parseSend("SERIAL1@1s:x\\q")).message, "--send SERIAL1@1s:x\\q: unknown escape \\q: expected \\r \\n \\t \\\\ or \\xHH");
    assert.strictEqual(thrown(() => parseSend("SERIAL1@1s:\\xZ1")).message, "--send SERIAL1@1s:\\xZ1: unknown escape \\xZ1: expected \\r \\n \\t \\\\ or \\xHH");
    assert.match(thrown(() => parseSend("SERIAL1@1s:")).message, /^--send: expected PORT@TIME:TEXT such as SERIAL1@1s:hello\\r\\n/);
    assert.match(thrown(() => parseSend("SERIAL1@soon:x")).message, /^--send SERIAL1@soon:x \(when\): expected a duration/);
  });

  it("takes --name value and --name=value, keeps repeated options in order, and flags", function () {
    assert.deepStrictEqual(parseArgs(["app", "--until", "2s", "--press=A@1s", "--no-tty", "--press", "B@2s", "more"], SPECS), {
      positional: ["app", "more"],
      options: { until: "2s", press: ["A@1s", "B@2s"], "no-tty": true },
    });
  });

  it("refuses unknown options, a missing value, a value for a flag, and an option given twice", function () {
    assert.strictEqual(thrown(() => parseArgs(["--untl", "2s"], SPECS)).message, "Unknown option --untl. Options: --until, --press, --no-tty");
    assert.strictEqual(thrown(() => parseArgs(["--until"], SPECS)).message, "--until: expected a duration after it, got nothing");
    assert.strictEqual(thrown(() => parseArgs(["--no-tty=yes"], SPECS)).message, '--no-tty takes no value, got "yes"');
    assert.strictEqual(thrown(() => parseArgs(["--until", "1s", "--until=2s"], SPECS)).message, '--until was given twice ("1s" and "2s"): give it once');
  });

  it("the usage lists every option with its value, aligned", function () {
    assert.strictEqual(optionsHelp(SPECS), ["  --until <duration>  how long", "  --press <spec>      a press", "  --no-tty            plain"].join("\n"));
  });
});
