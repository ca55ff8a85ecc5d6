// The build's rewrite tests: programs a rewrite of the bundle must leave as
// they are.

import assert = require("assert");

/** Each program comes out of `rewrite` as it went in: it gives null, nothing changed. */
export function leftAlone(rewrite: (code: string) => unknown, programs: string[]): void {
  programs.forEach(function (code) {
    assert.strictEqual(rewrite(code), null, code);
  });
}
