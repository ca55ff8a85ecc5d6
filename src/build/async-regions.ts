// A try region as the device build writes it (async-lowering.ts, rewrite 3):
// TypeScript's `_a.trys.push([1, , 3, 4])` leaves a hole for a missing catch
// or finally label, which Espruino cannot read; lower.ts would write it as
// `void 0`. route() (coroutine.ts) reads 0 as none too, 5 bytes shorter:
// `_a._try([1, 0, 3, 4])`. Host only (build time).

import MagicString from "magic-string";
import type { Node } from "./lower";

/** Writes 0 into each hole of the region literal `region` (numbers only; anything else is left as it is). */
export function fillRegion(s: MagicString, region: Node | undefined): void {
  if (!region || region.type !== "ArrayExpression" || region.elements.some((e: Node | null) => e && e.type !== "Literal")) return;
  var text = s.original.slice(region.start, region.end), commas: number[] = [];
  for (var i = 0; i < text.length; i++) if (text[i] === ",") commas.push(region.start + i + (text[i + 1] === " " ? 2 : 1));
  region.elements.forEach(function (e: Node | null, k: number) {
    if (!e) s.appendLeft(k ? commas[k - 1] : region.start + 1, "0"); // after the comma (and its space) before the hole
  });
}
