// What a program prints with `print(...)`, run alone in a fresh context: the
// build's rewrite tests run a program before and after a rewrite and compare.

import vm = require("vm");

/** The lines `code` prints, each its arguments joined by spaces, the lines joined by " | ". */
export function printed(code: string): string {
  var out: string[] = [];
  vm.runInNewContext(code, { print: (...a: unknown[]) => out.push(a.map(String).join(" ")) });
  return out.join(" | ");
}
