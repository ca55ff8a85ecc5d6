// Gives every function's parameters and variables names of their own in the
// whole bundle, before terser. Terser inlines a function called once into its
// caller only when the function's names are free there: `function output(pin)`
// called as `output(pin)` stayed `(function(t){return new D(t,!1)})(t)`, an
// IIFE on every call. Terser then shortens the names again, so the new ones
// cost nothing. Globals, `arguments` and a function expression's own name
// stay. Host only.

import MagicString from "magic-string";
import { parse } from "./lower";
import type { Node } from "./lower";
import { eachName } from "./scopes";
import type { Scope } from "./scopes";

export function uniqueNames(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } {
  var ast = parse(code), s = new MagicString(code);
  var taken: { [name: string]: boolean } = {}, found: { id: Node; scope: Scope }[] = [];
  var renamed = new Map<Scope, { [name: string]: string }>(), n = 0;
  eachName(ast, { names: {}, parent: null }, function (id, scope) {
    taken[id.name] = true;
    if (scope && !scope.ownName && id.name !== "arguments") found.push({ id: id, scope: scope });
  });
  found.forEach(function (f) {
    var names = renamed.get(f.scope), name: string;
    if (!names) renamed.set(f.scope, (names = {}));
    name = names[f.id.name];
    if (!name) {
      name = f.id.name + "$" + ++n;
      while (taken[name]) name += "$";
      taken[name] = true;
      names[f.id.name] = name;
    }
    s.overwrite(f.id.start, f.id.end, name);
  });
  return { code: s.toString(), map: s.generateMap({ hires: "boundary" }) };
}
