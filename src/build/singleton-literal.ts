// A size rewrite of the minified bundle (after proto-literal.ts): a class of
// which the bundle makes one object, once, at its outermost scope,
//   function K(){this.s=[],this.n=[]}...;K.prototype={o:function(t){...},...};$=new K;
// becomes that object, its fields and its methods in one literal:
//   ...;$={s:[],n:[],o:function(t){...},...};
// The device's loop is such a class (a device has one, made with the bundle:
// loop.ts). Its function and its prototype go: 30-45 B an example, and the
// function's and the prototype's variables on Espruino (blink-many 11 fewer
// loaded); and its methods are the object's own, which Espruino finds
// without going up to a prototype.
//
// Only where nothing can tell: the constructor takes no parameters and sets
// fields to constants; the class is named three times, by its declaration,
// by `K.prototype = {...}` at the outermost scope, and by one `new K` there
// after it, outside any function or loop; the prototype has no `constructor`,
// accessor or key the constructor also sets. Host only.

import MagicString from "magic-string";
import { isFunction } from "./async-nodes";
import { parse } from "./lower";
import type { Node } from "./lower";
import { dropSeparators } from "./comma-lists";
import { children } from "./proto-alias";
import { declared, eachName } from "./scopes";
import { wrapper } from "./top-level";

/** A field's value the constructor may set for the rewrite: a literal, `void 0`, `-1`, `!0`, `[]`, `{}`. */
function constant(v: Node): boolean {
  if (v.type === "Literal") return true;
  if (v.type === "UnaryExpression") return (v.operator === "void" || v.operator === "-" || v.operator === "!") && v.argument.type === "Literal";
  return (v.type === "ArrayExpression" && !v.elements.length) || (v.type === "ObjectExpression" && !v.properties.length);
}

/** `this.a = x, this.b = y` (one statement or several): the fields, or null for a constructor that does anything else. */
function fieldsOf(fn: Node): Node[] | null {
  var fields: Node[] = [];
  if (fn.params.length) return null;
  for (var st of fn.body.body) {
    if (st.type !== "ExpressionStatement") return null;
    var e = st.expression, list: Node[] = e.type === "SequenceExpression" ? e.expressions : [e];
    for (var a of list) {
      var l = a.left;
      if (a.type !== "AssignmentExpression" || a.operator !== "=" || l.type !== "MemberExpression" || l.computed || l.object.type !== "ThisExpression" || !constant(a.right)) return null;
      fields.push(a);
    }
  }
  return fields;
}

interface Use {
  id: Node;
  parent: Node | null;
  grand: Node | null;
  /** The outermost statement it is in, and whether a function or a loop is between. */
  statement: Node;
  nested: boolean;
}

/** Each class made once at the outermost scope becomes its one object, written out; null when there is none. */
export function singletonLiterals(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null {
  var ast = parse(code), iife = wrapper(ast), s = new MagicString(code), changed = false;
  if (!iife) return null; // rollup's IIFE, which top-level.ts unwraps later
  var classes: { [name: string]: { decl: Node; fields: Node[] } } = Object.create(null), uses: { [name: string]: Use[] } = Object.create(null);
  var body: Node[] = iife.body.body, top = { names: declared(iife), parent: null }, topRefs = new Set<Node>();
  var gone = new Map<Node, Node[]>(); // a statement, and the expressions of it that go
  body.forEach(function (st) {
    var fields = st.type === "FunctionDeclaration" && fieldsOf(st);
    if (fields) classes[st.id.name] = { decl: st, fields: fields };
  });
  eachName(iife.body, top, function (id, scope) {
    if (scope === top) topRefs.add(id); // a reference to the outermost scope's name, not to one an inner scope declares alike
  });
  body.forEach(function (statement) {
    (function visit(n: Node, parent: Node | null, grand: Node | null, nested: boolean) {
      if (n.type === "Identifier" && classes[n.name] && n !== classes[n.name].decl.id && topRefs.has(n)) {
        (uses[n.name] || (uses[n.name] = [])).push({ id: n, parent: parent, grand: grand, statement: statement, nested: nested });
      }
      var inner = nested || isFunction(n) || /^(For|ForIn|While|DoWhile)Statement$/.test(n.type);
      children(n, (c) => visit(c, n, parent, inner));
    })(statement, null, null, false);
  });
  Object.keys(classes).forEach(function (name) {
    var us = uses[name] || [], fields = classes[name].fields;
    var proto = us.filter((u) => u.parent!.type === "MemberExpression" && u.parent!.object === u.id && u.parent!.property.name === "prototype" && !u.parent!.computed);
    var made = us.filter((u) => u.parent!.type === "NewExpression" && u.parent!.callee === u.id && !u.parent!.arguments.length);
    if (us.length !== 2 || proto.length !== 1 || made.length !== 1 || proto[0].nested || made[0].nested) return;
    var set = proto[0].grand!, obj = set.right, make = made[0].parent!;
    if (set.type !== "AssignmentExpression" || set.operator !== "=" || set.left !== proto[0].parent || obj.type !== "ObjectExpression" || make.start < set.end) return;
    var own = fields.map((f) => f.left.property.name);
    if (obj.properties.some((p: Node) => p.kind !== "init" || p.computed || /^(constructor|__proto__)$/.test(p.key.name || p.key.value) || own.indexOf(p.key.name || p.key.value) >= 0)) return;
    var st = proto[0].statement, list: Node[] | null = st.type === "ExpressionStatement" && st.expression.type === "SequenceExpression" ? st.expression.expressions : null;
    if (!list && !(st.type === "ExpressionStatement" && st.expression === set)) return;
    var fieldText = fields.map((f) => f.left.property.name + ":" + code.slice(f.right.start, f.right.end)).join(",");
    s.remove(classes[name].decl.start, classes[name].decl.end);
    s.overwrite(make.start, make.end, "{" + fieldText + (fieldText && obj.properties.length ? "," : ""));
    if (obj.properties.length) {
      s.move(obj.start + 1, obj.end - 1, make.end);
      s.appendLeft(obj.end - 1, "}"); // moved with the methods, after them
    } else s.appendLeft(make.end, "}");
    s.remove(set.start, obj.start + 1);
    s.remove(obj.end - 1, set.end);
    if (!gone.has(st)) gone.set(st, []);
    gone.get(st)!.push(set);
    changed = true;
  });
  gone.forEach(function (sets, st) {
    var list: Node[] | null = st.expression.type === "SequenceExpression" ? st.expression.expressions : null;
    if (!list || sets.length === list.length) s.remove((list || sets)[(list || sets).length - 1].end, st.end); // its `;`
    if (list) dropSeparators(s, list, sets); // two prototypes side by side may go
  });
  return changed ? { code: s.toString(), map: s.generateMap({ hires: "boundary" }) } : null;
}
