// Rewrites an ES5 bundle into the subset Espruino runs (espruino-dialect.md).
// It runs on the minified bundle, after terser, because terser itself can
// produce some of these constructs. Each rewrite keeps Node's behaviour:
//
// - function declarations move to the top of their scope: Espruino hoists
//   nothing (rules 2 and 10: r01, r05, r12, r24)
// - every `var` is declared once at the top of its function and the
//   declarations become assignments: one in a for-init that never runs would
//   otherwise stay undeclared (rule 3: r03)
// - array holes become `void 0` (rule 4: r02, TypeScript's try regions)
// - reads of `Array.prototype.x`, `String.prototype.x`, `Function.prototype.x`
//   become `[].x`, `"".x`, `(function(){}).x` (rule 5: r04)
// - a for-init holding the `in` operator moves before its loop (rule 7: r13)
// - clearTimeout(h) and clearInterval(h) skip an undefined handle, as Node
//   does; Espruino throws (rule 19: r16); not where an `if` has just tested
//   it (defined-handles.ts)
// - a bare `return` gets its semicolon: `if(a)f();else return}` is a
//   SyntaxError ("Unexpected end of Input") on Espruino 2v29, executed or
//   skipped; `else return;}` runs (r25)
// - for size, not the dialect: a class's methods are set through one alias
//   of its prototype (proto-alias.ts)
//
// The edits never overlap: text is removed, inserted or moved, never copied,
// so one source map covers them all. Host only (build time).

import acorn = require("acorn");
import walk = require("acorn-walk");
import MagicString from "magic-string";
import { aliasPrototypes } from "./proto-alias";
import { provedDefined } from "./defined-handles";

export type Node = acorn.Node & { [key: string]: any };

var PROTO_FORMS: { [name: string]: string } = { Array: "[]", String: '""', Function: "(function(){})" };

export function parse(code: string): Node {
  return acorn.parse(code, { ecmaVersion: 5, sourceType: "script", allowReturnOutsideFunction: true, locations: true }) as Node;
}

/** True for an identifier that names a variable (not a property, a key or a label). */
export function isReference(n: Node, parent: Node | null): boolean {
  if (!parent) return true;
  if (parent.type === "MemberExpression") return parent.object === n || parent.computed;
  if (parent.type === "Property") return parent.value === n;
  return !/^(LabeledStatement|BreakStatement|ContinueStatement)$/.test(parent.type);
}

function isFunction(n: Node): boolean {
  return n.type === "FunctionDeclaration" || n.type === "FunctionExpression";
}

/** Calls fn(node, parent) for every node, parents first. */
export function eachNode(ast: Node, fn: (n: Node, parent: Node | null) => void): void {
  (function visit(n: Node, parent: Node | null) {
    fn(n, parent);
    Object.keys(n).forEach(function (k) {
      var v = n[k];
      if (k === "loc" || !v || typeof v !== "object") return;
      if (Array.isArray(v)) {
        v.forEach(function (c) {
          if (c && typeof c.type === "string") visit(c, n);
        });
      } else if (typeof v.type === "string") visit(v, n);
    });
  })(ast, null);
}

function containsIn(n: Node): boolean {
  var found = false;
  walk.full(n, function (x: Node) {
    if (x.type === "BinaryExpression" && x.operator === "in") found = true;
  });
  return found;
}

/** Index just after the first occurrence of `ch` at or after `from`. */
function after(code: string, ch: string, from: number): number {
  return code.indexOf(ch, from) + 1;
}

export interface Lowered {
  code: string;
  map: ReturnType<MagicString["generateMap"]>;
}

export function lower(code: string, file?: string): Lowered {
  var s = new MagicString(code), ast: Node;
  try {
    ast = parse(code);
  } catch (e) {
    // Not ES5: nothing to lower; the checker reports it with its position.
    return { code: code, map: s.generateMap({ hires: "boundary", source: file, includeContent: true }) };
  }

  var proved = provedDefined(ast, code);
  eachNode(ast, function (n, parent) {
    if (n.type === "ArrayExpression") fillHoles(n);
    else if (n.type === "MemberExpression") rewriteProto(n, parent);
    else if (n.type === "VariableDeclaration") dropVar(n, parent!);
    else if (n.type === "ForStatement" && n.init && containsIn(n.init)) hoistForInit(n);
    else if (n.type === "CallExpression") guardClear(n, parent);
    else if (n.type === "ReturnStatement" && !n.argument && code.charAt(n.end - 1) !== ";") s.appendLeft(n.end, ";");
  });
  aliasPrototypes(s, ast);

  // Hoisting: functions first, in their order, then one var line, at the top.
  (function hoist(scope: Node, body: Node[], at: number) {
    var names: string[] = [];
    (function collect(n: Node) {
      if (n.type === "VariableDeclaration") {
        n.declarations.forEach(function (d: Node) {
          if (names.indexOf(d.id.name) < 0) names.push(d.id.name);
        });
      }
      Object.keys(n).forEach(function (k) {
        var v = n[k];
        if (k === "loc" || !v || typeof v !== "object") return;
        (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
          if (!c || typeof c.type !== "string") return;
          if (isFunction(c)) hoist(c, c.body.body, c.body.start + 1);
          else collect(c);
        });
      });
    })(scope === ast ? ast : scope.body);
    var leading = true, first: Node | undefined; // functions before any other statement are in place already
    body.forEach(function (st) {
      if (st.type !== "FunctionDeclaration") {
        if (leading) first = st;
        leading = false;
      } else if (!leading) s.move(st.start, st.end, at);
    });
    if (first && first.type === "VariableDeclaration" && anyInit(first)) {
      // The first statement declares with values: the other names join it
      // (`var t,i,n=x;`, not `var t,i,n;n=x;`): shorter, and on Espruino one statement less to run a call.
      var own = first.declarations.filter((d: Node) => d.init).map((d: Node) => d.id.name);
      names = names.filter((n) => own.indexOf(n) < 0);
      s.prependRight(first.declarations[0].start, "var " + names.map((n) => n + ",").join(""));
    } else if (names.length) s.appendRight(at, "var " + names.join(",") + ";");
  })(ast, ast.body, ast.start);

  return { code: s.toString(), map: s.generateMap({ hires: "boundary", source: file, includeContent: true }) };

  function fillHoles(n: Node) {
    var pos = n.start + 1, i: number, el: Node | null;
    for (i = 0; i < n.elements.length; i++) {
      el = n.elements[i];
      if (el) pos = el.end;
      else s.appendLeft(code.indexOf(",", pos), "void 0");
      pos = after(code, ",", pos);
    }
  }

  function rewriteProto(n: Node, parent: Node | null) {
    var o = n.object;
    if (n.computed || o.type !== "MemberExpression" || o.computed || o.object.type !== "Identifier") return;
    if (!PROTO_FORMS.hasOwnProperty(o.object.name) || o.property.name !== "prototype") return;
    if (parent && parent.type === "AssignmentExpression" && parent.left === n) return; // a polyfill, not a read
    s.overwrite(o.start, o.end, PROTO_FORMS[o.object.name]);
  }

  // `var a=1,b,c=2` -> `a=1,c=2`; the names are declared at the top instead.
  function dropVar(d: Node, parent: Node) {
    var decls: Node[] = d.declarations, i: number, x: Node;
    var forHead = (parent.type === "ForInStatement" && parent.left === d) || (parent.type === "ForStatement" && parent.init === d);
    var hasInit = anyInit(d);
    if (parent.type === "ForInStatement") {
      s.remove(d.start, decls[0].start);
      return;
    }
    if (!hasInit) {
      // Nothing to assign: in a list of statements it goes, as the body of an `if` or a loop it becomes empty (`;`), a for-init nothing.
      var inList = parent.type === "Program" || parent.type === "BlockStatement" || parent.type === "SwitchCase";
      var end = !forHead && !inList && code.charAt(d.end - 1) === ";" ? d.end - 1 : d.end;
      s.remove(d.start, end);
      return;
    }
    s.remove(d.start, decls[0].start);
    for (i = 0; i < decls.length; i++) {
      x = decls[i];
      if (x.init) continue;
      // A bare name goes with the comma after it if an assignment follows,
      // else with the comma before it: the cuts never overlap.
      if (keptAfter(i)) s.remove(x.start, decls[i + 1].start);
      else s.remove(decls[i - 1].end, x.end);
    }
    function keptAfter(k: number): boolean {
      for (var j = k + 1; j < decls.length; j++) if (decls[j].init) return true;
      return false;
    }
  }

  // `clearTimeout(h)` -> `(h!==void 0&&clearTimeout(h))`, for a plain name or member only, unless proved defined; without the
  // parentheses where the call is a statement or an operand of a comma, which binds looser than `&&`.
  function guardClear(c: Node, parent: Node | null) {
    var a = c.arguments[0], bare = !!parent && (parent.type === "ExpressionStatement" || parent.type === "SequenceExpression");
    if (c.callee.type !== "Identifier" || (c.callee.name !== "clearTimeout" && c.callee.name !== "clearInterval")) return;
    if (!a || (a.type !== "Identifier" && !(a.type === "MemberExpression" && !a.computed)) || proved.has(c)) return;
    s.appendLeft(c.start, (bare ? "" : "(") + code.slice(a.start, a.end) + "!==void 0&&");
    if (!bare) s.appendRight(c.end, ")");
  }

  // `for(a=("k" in o),i=0;...)` -> `{a=("k" in o),i=0;for(;...)}`
  function hoistForInit(f: Node) {
    s.appendLeft(f.start, "{");
    s.move(f.init.start, f.init.end, f.start);
    s.appendLeft(f.init.end, ";"); // travels with the moved init
    s.appendRight(f.end, "}");
  }
}

/** Whether a `var` statement gives any of its names a value. */
function anyInit(d: Node): boolean {
  return d.declarations.some(function (x: Node) {
    return x.init;
  });
}
