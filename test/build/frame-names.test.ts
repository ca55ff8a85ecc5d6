// The device build renames the coroutine protocol's `label` and `trys`
// (src/build/frame-names.ts): a state machine's frame and ristretto's own
// modules only, never a user's properties.

import assert = require("assert");
import acorn = require("acorn");
import { renameFrameFields } from "../../src/build/frame-names";

var USER = [
  'import { __generator } from "tslib";',
  "var item = { label: 'ok', trys: 2 };",
  "function show(x) { return x.label + item.label + x.trys; }",
  "function f() { return __generator(function (_a) { switch (_a.label) { case 0: _a.trys.push([0, 1, , 2]); return [4, show(item), _a.label = 1]; case 1: return [2, item.label]; } }); }",
].join("\n");

function parse(code: string): any {
  return acorn.parse(code, { ecmaVersion: 2020, sourceType: "module" });
}

function renamed(code: string, own: boolean): string {
  var r = renameFrameFields(code, parse(code), own);
  return r ? r.code : code;
}

describe("the frame's fields under short names", function () {
  it("renames a state machine's frame fields and leaves a user's label and trys alone", function () {
    var out = renamed(USER, false);
    assert.match(out, /switch \(_a\._label\)/);
    assert.match(out, /_a\._trys\.push/);
    assert.match(out, /_a\._label = 1\]/);
    assert.match(out, /\{ label: 'ok', trys: 2 \}/);
    assert.match(out, /return x\.label \+ item\.label \+ x\.trys;/);
    assert.match(out, /return \[2, item\.label\]/);
  });

  it("renames every label and trys in ristretto's own modules", function () {
    var out = renamed("this.label = -1; if (co.label < t[1]) co.trys.pop(); proto.trys = NO_TRYS;", true);
    assert.strictEqual(out, "this._label = -1; if (co._label < t[1]) co._trys.pop(); proto._trys = NO_TRYS;");
  });

  it("leaves a module without a state machine as it is", function () {
    assert.strictEqual(renameFrameFields("x.label = 1;", parse("x.label = 1;"), false), null);
  });
});
