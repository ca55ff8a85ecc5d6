import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";
import { loadBundle } from "../../src/sim/bundle-sim";
import { expandTokens, FIRST_TOKEN, hasTokens, pretokenise, TOKENS } from "../../src/build/espruino-tokens";

var root = path.resolve(__dirname, "../../..");

function bytes(code: string): number[] {
  return code.split("").map((c) => c.charCodeAt(0));
}

function expand(code: string): string {
  return expandTokens(code, TOKENS, FIRST_TOKEN);
}

describe("pretokenised code, as ristretto flash writes it to an Espruino board", function () {

  it("makes each operator and reserved word the byte Espruino's lexer makes of it (jslex.h)", function () {
    // LEX_TYPEEQUAL 139, LEX_ARROW_FUNCTION 162, LEX_R_FUNCTION 170, LEX_R_RETURN 171, LEX_R_THIS 175, LEX_R_OF 198
    assert.deepStrictEqual(bytes(pretokenise("function f(a){return a===this}").code), [170].concat(bytes("f(a){"), [171], bytes("a"), [139, 175], bytes("}")));
    assert.deepStrictEqual(bytes(pretokenise("for(var x of y)z=()=>0").code), bytes("").concat([167], bytes("("), [172], bytes("x"), [198], bytes("y)z=()"), [162], bytes("0")));
  });

  it("keeps names, numbers, strings, regular expressions and template literals as they are, a reserved word in them too", function () {
    var script = 'a="return if"+\'in\'+/for|var/.source+`of ${b} new`+typeofs+1e3';
    var code = pretokenise(script).code;
    assert.ok(code.indexOf('"return if"+\'in\'+/for|var/.source+`of ${b} new`+typeofs+1e3') > 0, JSON.stringify(code));
    assert.ok(!hasTokens(code), "nothing here is a token: " + JSON.stringify(code));
  });

  it("keeps a reserved word that names a property a word (Espruino before 2v07 found no name in its token)", function () {
    var script = "x.default=1;y={delete:2,in(){return 3}};x.of();x.catch(f)";
    var code = pretokenise(script).code;
    assert.strictEqual(code, script.replace("return 3", String.fromCharCode(171) + "3"));
  });

  it("drops only the space a word needed, and expanding gives the script again, character for character", function () {
    var script = "function f(a,b){if(a instanceof b)return typeof a;else return void 0}var c = d in e;x\n++y";
    var t = pretokenise(script);
    assert.strictEqual(expand(t.code), script);
    assert.ok(t.code.indexOf(" instanceof ") < 0 && t.code.indexOf(";x\n" + String.fromCharCode(152) + "y") > 0, JSON.stringify(t.code));
  });

  it("leaves comments out, keeping a line end where one was", function () {
    assert.strictEqual(pretokenise("a=1/* x */;b=2\n// y\nc=3//# sourceMappingURL=a.js.map\n").code, "a=1 ;b=2\nc=3");
  });

  it("maps positions both ways: a character of the bundle to the same in the code as flashed", function () {
    var script = 'function g(){throw new Error("x")}g()', t = pretokenise(script);
    var at = script.indexOf("Error"), there = t.tokenisedIndex(at);
    assert.strictEqual(t.code.slice(there, there + 5), "Error");
    assert.strictEqual(t.scriptIndex(there), at);
    assert.strictEqual(t.scriptIndex(t.tokenisedIndex(script.indexOf("new"))), script.indexOf("new"), "a token byte is its word's first character");
  });

  it("writes a literal's characters above 0x7E as escapes, which Espruino would read as tokens, and refuses them in a name", function () {
    assert.strictEqual(pretokenise('a="\u00e9\u2500"+/\u00e9/.source').code, 'a="\\u00e9\\u2500"+/\\u00e9/.source');
    assert.throws(() => pretokenise("var caf\u00e9=1"), /^Error: Cannot pretokenise the name "caf\u00e9" at 4: Espruino would read a character above 0x7E in it as a token/);
  });

  it("every example's bundle as flashed is a fifth smaller or more, loses its source map comment, and expands to the bundle again", async function () {
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-tokens-"));
    try {
      for (var app of ["blink-many", "talk", "nmea"]) {
        var r = await build({ app: path.join(root, "firmware", app), board: "espruino-pico", outDir: out });
        var bundle = fs.readFileSync(path.join(out, r.file), "utf8"), flashed = pretokenise(bundle).code;
        var script = bundle.slice(0, bundle.indexOf("\n//# sourceMappingURL="));
        assert.strictEqual(r.flashed, flashed.length);
        assert.ok(flashed.length < 0.8 * r.bytes, app + ": " + flashed.length + " of " + r.bytes);
        assert.strictEqual(expand(flashed), script, app);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("runs on the bundle simulator as flashed, as the bundle runs: blink-many's pin changes over 2 s", async function () {
    var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-tokens-"));
    try {
      var r = await build({ app: path.join(root, "firmware/blink-many"), board: "espruino-pico", outDir: out });
      var bundle = fs.readFileSync(path.join(out, r.file), "utf8"), runs = [bundle, pretokenise(bundle).code];
      var traces = await Promise.all(
        runs.map(async function (code) {
          var sim = await loadBundle("espruino-pico", code);
          await sim.advance(2000);
          var changes = [sim.pin("LED1").trace(), sim.pin("LED2").trace()];
          sim.dispose();
          return changes;
        }),
      );
      assert.ok(traces[0][0].length >= 4 && traces[0][1].length >= 6, "the LEDs blink: " + JSON.stringify(traces[0]));
      assert.deepStrictEqual(traces[1], traces[0]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
