// Taking items out of a comma-separated list (a comma expression, a `var`'s
// declarators, parameters, arguments) in a MagicString edit, where each
// rewrite says which items go and removes or moves their text itself. Host only.

import type MagicString from "magic-string";
import type { Node } from "./lower";

/** Removes the commas that go with the items of `items` in `drop`: the one after each, and those after the last item kept. */
export function dropSeparators(out: MagicString, items: Node[], drop: Node[]): void {
  var lastKept = -1;
  items.forEach((n, i) => drop.indexOf(n) < 0 && (lastKept = i));
  items.forEach(function (n, i) {
    if (i < items.length - 1 && (i >= lastKept || drop.indexOf(n) >= 0)) out.remove(n.end, items[i + 1].start);
  });
}
