import assert = require("assert");
import fs = require("fs");
import path = require("path");
import { createSim } from "ristretto/sim";

function blinkMany(ms: number) {
  var sim = createSim("sim");
  sim.startApp(path.resolve(__dirname, "../../firmware/blink-many/main.js"));
  return sim.advance(ms).then(() => sim);
}

describe("waveform exports", function () {
  it("VCD: a wire per pin named as the board names it, times in microseconds, changes grouped by time", async function () {
    var vcd = (await blinkMany(600)).toVCD();
    assert.deepStrictEqual(vcd.split("\n"), [
      "$version ristretto simulator $end",
      "$timescale 1us $end",
      "$scope module sim $end",
      "$var wire 1 ! LED1 $end",
      '$var wire 1 " LED2 $end',
      "$upscope $end",
      "$enddefinitions $end",
      "#0",
      "$dumpvars",
      "x!",
      'x"',
      "$end",
      "#0",
      "1!",
      '1"',
      "#300000",
      '0"',
      "#500000",
      "0!",
      "#600000",
      '1"',
      "",
    ]);
  });

  it("VCD: a PWM pin is a real variable holding its duty", async function () {
    var sim = createSim("sim");
    sim.startApp(path.resolve(__dirname, "../../firmware/dimmer/main.js"));
    await sim.advance(40);
    var vcd = sim.toVCD();
    assert.match(vcd, /\$var real 64 ! LED1 \$end/);
    assert.match(vcd, /#20000\nr0\.0004 !\n#40000\nr0\.0016 !\n$/);
  });

  it("SVG: one labelled lane per pin, stepping at each change, over a time axis", async function () {
    var svg = (await blinkMany(1000)).toSVG();
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    assert.match(svg, /<\/svg>\n$/);
    assert.deepStrictEqual(svg.match(/<text[^>]*>(LED\d)<\/text>/g)!.map((t) => t.replace(/<[^>]+>/g, "")), ["LED1", "LED2"]);
    assert.strictEqual((svg.match(/<polyline /g) || []).length, 2);
    // LED1: starts low at x=100, rises at 0 ms, falls at 500 ms (x = 100 + 720 * 0.5), rises at 1000 ms
    assert.match(svg, /points="100,58 100,58 100,36 460,36 460,58 820,58 820,36 820,36"/);
    assert.match(svg, />0 ms<\/text>/);
    assert.match(svg, />1 s<\/text>/);
  });
});

describe("waveform exports of serial ports", function () {
  it("SVG: a lane per direction of a port, a box per burst of bytes with the bytes as its tooltip, and as its text where they fit", async function () {
    var sim = createSim("sim");
    sim.startApp(path.resolve(__dirname, "../../firmware/serial-echo/main.js"));
    sim.uart("SERIAL1").send("hello there, this is a long line of text\r\n", { at: 2, chunk: 64 });
    await sim.advance(10);
    var svg = sim.toSVG();
    assert.deepStrictEqual(svg.match(/<text[^>]*>(SERIAL1_\w+)<\/text>/g)!.map((t) => t.replace(/<[^>]+>/g, "")), ["SERIAL1_rx", "SERIAL1_tx"]);
    assert.deepStrictEqual(svg.match(/<title>[^<]*<\/title>/g), ["<title>hello there, this is a long line of text\\r\\n</title>", "<title>#1 hello there, this is a long line of text\\r\\n</title>"]);
    // 42 bytes at 115,200 baud take 3.6 ms: 263 px of the 720 px for 10 ms, room for 35 characters of text
    assert.match(svg, /<rect x="[\d.]+" y="\d+" width="26[0-9.]+" height="22" fill="#e6f0fa" stroke="#06c">/);
    assert.match(svg, />hello there, this is a long line o…<\/text>/);
  });
});

describe("the README's picture", function () {
  it("docs/blink-many.svg is blink-many's first 3 s on the sim board (UPDATE_GOLDEN=1 rewrites it)", async function () {
    var file = path.resolve(__dirname, "../../../docs/blink-many.svg"), svg = (await blinkMany(3000)).toSVG();
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, svg);
    assert.ok(fs.existsSync(file), "docs/blink-many.svg is missing: run the tests with UPDATE_GOLDEN=1");
    assert.ok(fs.readFileSync(file, "utf8") === svg, "docs/blink-many.svg is stale: run the tests with UPDATE_GOLDEN=1 and look at it");
  });
});
