// An Espruino bundle's first statement sets pretokenise
// (src/build/espruino-flags-plugin.ts); what follows keeps its place in the
// source map, which `ristretto monitor` reads stack positions through.

import assert = require("assert");
import { SourceMapConsumer } from "source-map-js";
import { SET_FLAGS, espruinoFlagsPlugin } from "../../src/build/espruino-flags-plugin";

describe("an Espruino bundle's flags", function () {
  it("sets pretokenise before the bundle's code, whose positions map back to where they were", function () {
    var code = "function f(){return 1}\nf();", hook = espruinoFlagsPlugin().renderChunk as any;
    var r = hook.call({}, code, { fileName: "b.js" }, {}), map = r.map.toJSON ? r.map.toJSON() : r.map;
    assert.strictEqual(r.code, "E.setFlags({pretokenise:1});" + code);
    var back = new SourceMapConsumer(Object.assign({}, map, { sources: ["b.js"] }));
    assert.deepStrictEqual(pick(back.originalPositionFor({ line: 1, column: SET_FLAGS.length + "function f(){".length })), { line: 1, column: "function f(){".length });
    assert.deepStrictEqual(pick(back.originalPositionFor({ line: 2, column: 0 })), { line: 2, column: 0 });
  });
});

function pick(p: { line: number | null; column: number | null }): { line: number | null; column: number | null } {
  return { line: p.line, column: p.column };
}
