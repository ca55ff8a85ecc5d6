// The dialect checker: finds what Espruino cannot run in a lowered ES5 bundle
// (espruino-dialect.md; "rule N" below is that page's numbering), whose only
// ES2015 may be shorthand.ts's arrows and methods. Each finding
// names the construct, why it fails there, and what to use instead; the
// build maps its position back to the TypeScript line. Host only.

import acorn = require("acorn");
import { eachNodeBut } from "./async-nodes";
import { finallyExit } from "./finally-exits";
import { eachNode, isReference } from "./lower";
import type { Node } from "./lower";

export interface Finding {
  /** Short name of the construct, e.g. "label". */
  construct: string;
  message: string;
  /** Position in the checked code: 1-based line, 0-based column. */
  line: number;
  column: number;
  /** The name the message quotes as the bundle has it (a label, which terser renames), where the source's may differ. */
  name?: string;
}

var MISSING_GLOBALS: { [name: string]: string } = {
  Symbol: "Espruino has no Symbol (rule 13): use string keys",
  Map: "Espruino has no Map (rule 13): use a plain object with string keys",
  Set: "Espruino has no Set (rule 13): use an object or an array with indexOf",
  WeakMap: "Espruino has no WeakMap (rule 13): keep the value on the object itself",
  WeakSet: "Espruino has no WeakSet (rule 13): mark the object with a property",
  Proxy: "Espruino has no Proxy: use explicit getter methods",
  Reflect: "Espruino has no Reflect: use the Object functions",
  RangeError: "Espruino has no RangeError (rule 16): throw an Error",
  EvalError: "Espruino has no EvalError (rule 16): throw an Error",
  URIError: "Espruino has no URIError (rule 16): throw an Error",
};

var MISSING_STATICS: { [name: string]: string } = {
  "Array.from": "Espruino has no Array.from (rule 16): copy with a loop or [].slice.call(x)",
  "Array.of": "Espruino has no Array.of (rule 16): use an array literal",
  "Object.freeze": "Espruino has no Object.freeze (rule 16): leave the object as it is",
  "Object.is": "Espruino has no Object.is (rule 16): compare with === (and x !== x for NaN)",
  "Number.isInteger": "Espruino has no Number.isInteger (rule 16): use Math.floor(x) === x",
  "Math.trunc": "Espruino has no Math.trunc (rule 16): use x < 0 ? Math.ceil(x) : Math.floor(x)",
  "Math.sign": "Espruino has no Math.sign (rule 16): compare with 0",
  "Date.UTC": "Espruino has no Date.UTC (rule 16): compute the milliseconds yourself",
  "Promise.race": "Espruino's Promise has no race (rule 15): use waitFor or gather from ristretto",
  "Promise.allSettled": "Espruino's Promise has no allSettled (rule 15): use gather(aws, { returnExceptions: true })",
  "Promise.any": "Espruino's Promise has no any (rule 15): use gather and pick the first result",
  "Object.setPrototypeOf": "on Espruino a function's prototype chain does not give it its parent's statics (rule 10, r06): copy them",
};

var MISSING_METHODS: { [name: string]: string } = {
  lastIndexOf: "Espruino has no lastIndexOf (rule 16): loop from the end",
  reduceRight: "Espruino has no reduceRight (rule 16): loop from the end",
  flat: "Espruino has no Array flat (rule 16): concatenate with a loop",
  flatMap: "Espruino has no Array flatMap (rule 16): map, then concatenate with a loop",
  localeCompare: "Espruino has no localeCompare (rule 16): compare with < and >",
  search: "Espruino has no String search (rule 16): use indexOf, or a RegExp's exec",
  isPrototypeOf: "Espruino has no isPrototypeOf (rule 16): use instanceof",
  finally: "Espruino's Promise has no finally (rule 15): use then(f, f), or try/finally in an async function",
};

var RESERVED_NAMES = ["of", "static"];

/** ES2015 nodes that are not shorthand.ts's arrows and methods. */
var ES2015 = /^(TemplateLiteral|TaggedTemplateExpression|Class(Declaration|Expression)|SpreadElement|RestElement|(Object|Array|Assignment)Pattern|ForOfStatement|YieldExpression|MetaProperty|Super)$/;

/** What makes `n` ES2015 beyond arrows and methods, or "". */
function beyondEs5(n: Node): string {
  if (ES2015.test(n.type)) return n.type;
  if (n.type === "VariableDeclaration" && n.kind !== "var") return n.kind;
  if (n.type === "Property" && (n.shorthand || n.computed)) return (n.shorthand ? "a shorthand" : "a computed") + " property";
  if (/^Function/.test(n.type) && n.generator) return "a generator";
  return "";
}

function memberName(n: Node): string | undefined {
  if (n.type !== "MemberExpression" || n.computed || n.object.type !== "Identifier") return undefined;
  return n.object.name + "." + n.property.name;
}

/** Problems a regular expression has on Espruino (rule 14), or "". */
export function regexProblem(pattern: string, flags: string): string {
  var i: number, c: string, inClass = false, prevGroupEnd = -1;
  for (i = 0; i < flags.length; i++) if ("gi".indexOf(flags.charAt(i)) < 0) return "the flag " + flags.charAt(i);
  for (i = 0; i < pattern.length; i++) {
    c = pattern.charAt(i);
    if (c === "\\") {
      var e = pattern.charAt(i + 1);
      if (!inClass && (e === "b" || e === "B")) return "\\" + e;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      else if (c === "/") return "an unescaped / inside [...]";
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(" && pattern.charAt(i + 1) === "?") return "(?" + pattern.charAt(i + 2) + "...)";
    else if (c === "?") return "the ? quantifier";
    else if (c === "{") return "a {n,m} quantifier";
    else if ((c === "*" || c === "+") && i === prevGroupEnd + 1 && prevGroupEnd >= 0) return "a quantifier on a group";
    else if ((c === "*" || c === "+") && pattern.charAt(i + 1) === "?") return "a lazy quantifier";
    if (c === ")") prevGroupEnd = i;
  }
  return "";
}

export function check(code: string): Finding[] {
  var out: Finding[] = [], ast: Node, declared: { [name: string]: boolean } = {};
  try {
    ast = acorn.parse(code, { ecmaVersion: 2015, sourceType: "script", allowReturnOutsideFunction: true, locations: true }) as Node;
  } catch (e) {
    var err = e as { message: string; loc?: { line: number; column: number } };
    return [
      {
        construct: "syntax beyond ES5",
        message: "the bundle is not ES5 (" + err.message.replace(/ \(\d+:\d+\)$/, "") + "): Espruino's own ES2015 support is unreliable (rule 1)",
        line: err.loc ? err.loc.line : 1,
        column: err.loc ? err.loc.column : 0,
      },
    ];
  }
  function add(n: Node, construct: string, message: string, name?: string) {
    var last = out[out.length - 1];
    if (last && last.construct === construct && last.line === n.loc!.start.line) return; // once per line
    out.push({ construct: construct, message: construct + " does not run on Espruino: " + message, line: n.loc!.start.line, column: n.loc!.start.column, name: name });
  }

  var bodies: Node[] = [], constructed: { [name: string]: boolean } = {};
  eachNode(ast, function (n) {
    if (n.type === "VariableDeclarator" || n.type === "FunctionDeclaration") declared[n.id.name] = true;
    if (isFunctionNode(n)) bodies.push(n.body);
    if (n.type === "NewExpression" && n.callee.type === "Identifier") constructed[n.callee.name] = true;
  });

  eachNode(ast, function (n, parent) {
    var name: string | undefined, i: number, es2015 = beyondEs5(n);
    if (es2015) add(n, "syntax beyond ES5", "the bundle is not ES5 (" + es2015 + "): Espruino's own ES2015 support is unreliable (rule 1)");
    switch (n.type) {
      case "ArrowFunctionExpression":
        if (readsArguments(n)) add(n, "arguments in an arrow function", "an arrow has arguments of its own there (rule 1); use a function");
        break;
      case "LabeledStatement":
        add(n.label, "a label (" + n.label.name + ":)", "it is a ReferenceError there (rule 6); use a flag, or move the loops into a function and return", n.label.name);
        break;
      case "TryStatement":
        var exit = n.finalizer && finallyExit(n.finalizer);
        if (exit) {
          var what = exit.type.replace(/Statement$/, "").toLowerCase();
          add(exit, "a " + what + " in a finally block", "Espruino ignores a return, throw, break or continue there (and an exception a call raises there) and runs what follows the try statement (measured on 2v29); set a variable in the finally block and act on it after the try");
        }
        break;
      case "SwitchStatement":
        for (i = 0; i < n.cases.length - 1; i++) {
          if (!n.cases[i].test) add(n.cases[i], "a default clause before other cases", "it is a SyntaxError there (rule 20); put default last");
        }
        break;
      case "ForStatement":
        if (n.init && containsIn(n.init)) add(n, "the in operator in a for-init", "it is a SyntaxError there (rule 7); compute it before the loop");
        break;
      case "ArrayExpression":
        if (n.elements.indexOf(null) >= 0) add(n, "an array hole ([a,,b])", "it is a SyntaxError there, even in code that never runs (rule 4); write void 0");
        break;
      case "Identifier":
        if (RESERVED_NAMES.indexOf(n.name) >= 0 && !(parent && parent.type === "MemberExpression" && parent.property === n && !parent.computed) && !(parent && parent.type === "Property" && parent.key === n)) {
          add(n, "the identifier " + n.name, "it is reserved there (rule 8); rename it");
        }
        if (MISSING_GLOBALS.hasOwnProperty(n.name) && !declared[n.name] && isReference(n, parent)) add(n, n.name, MISSING_GLOBALS[n.name]);
        if ((n.name === "exports" || n.name === "module") && !declared[n.name] && isReference(n, parent)) {
          add(n, n.name, "the program must be one script without CommonJS modules (rule 12, r11); build it with ristretto's build");
        }
        break;
      case "MemberExpression":
        name = memberName(n);
        if (name && MISSING_STATICS.hasOwnProperty(name)) add(n, name, MISSING_STATICS[name]);
        else if (name === "Promise.prototype") add(n, "Promise.prototype", "built-in prototypes cannot be read there (rule 5); call the method on a promise");
        else if (name === "arguments.callee") add(n, "arguments.callee", "it does not exist there (rule 16); name the function");
        if (!n.computed && parent && parent.type === "CallExpression" && parent.callee === n && MISSING_METHODS.hasOwnProperty(n.property.name)) {
          add(n.property, "." + n.property.name + "()", MISSING_METHODS[n.property.name]);
        }
        break;
      case "AssignmentExpression":
        if (n.left.type === "MemberExpression" && !n.left.computed && n.left.property.name === "length") {
          add(n, "assigning to .length", "it throws there (rule 18); use splice(n) to shorten an array");
        }
        break;
      case "CallExpression":
        name = memberName(n.callee);
        if (name === "Math.pow" && !smallIntegerLiteral(n.arguments[1])) {
          add(n, "Math.pow (or **) with this exponent", "Espruino's pow is exact only for integer exponents 0 to 9 (rule 11, r08); multiply, or write the constant");
        }
        if (name === "Object.create" && n.arguments.length > 1) add(n, "Object.create with property descriptors", "descriptors are not supported there (rule 16); assign the properties");
        break;
      case "NewExpression":
        if (n.callee.type === "CallExpression" && n.callee.callee.type === "MemberExpression") {
          var inner = n.callee.callee;
          if (!inner.computed && inner.property.name === "apply" && inner.object.type === "MemberExpression" && inner.object.property.name === "bind") {
            add(n, "new with spread arguments (new C(...args))", "new on a bound function gives an empty object there (rule 9, r07); pass an array to the constructor");
          }
        }
        if (n.callee.type === "Identifier" && n.callee.name === "Promise" && n.arguments[0] && isFunctionNode(n.arguments[0]) && !usesParams(n.arguments[0])) {
          add(n, "a Promise executor that never settles", "a promise whose executor neither calls nor keeps resolve/reject crashes the interpreter (rule 15, r15)");
        }
        break;
      case "FunctionDeclaration":
        if (parent && parent.type !== "Program" && bodies.indexOf(parent) < 0) {
          add(n, "a function declaration inside a block", "it is not hoisted there (rule 2); declare it at the top of the function, or use a function expression");
        }
        break;
      case "Literal":
        if (n.regex) {
          var problem = regexProblem(n.regex.pattern, n.regex.flags);
          if (problem) add(n, "the regular expression /" + n.regex.pattern + "/" + n.regex.flags, problem + " silently never matches there (rule 14); use indexOf or a simpler pattern");
        }
        break;
    }
    if (n.type === "FunctionDeclaration" && constructed[n.id.name] && returnsPrimitive(n)) {
      add(n, "a constructor returning a primitive", "new then gives the primitive, not the object (rule 21, r22); return nothing");
    }
  });
  return out;
}

function isFunctionNode(n: Node): boolean {
  return n.type === "FunctionExpression" || n.type === "FunctionDeclaration" || n.type === "ArrowFunctionExpression";
}

/** Does the arrow `fn` read `arguments` (its own, or through arrows in it)? */
function readsArguments(fn: Node): boolean {
  var found = false;
  // From the arrow itself: a body that is a function, `f => function () { return arguments; }`, has its own.
  eachNodeBut(fn, (c) => /^Function/.test(c.type), function (n) {
    if (n.type === "Identifier" && n.name === "arguments") found = true;
  });
  return found;
}

function containsIn(n: Node): boolean {
  var found = false;
  eachNode(n, function (x) {
    if (x.type === "BinaryExpression" && x.operator === "in") found = true;
  });
  return found;
}

function smallIntegerLiteral(n: Node | undefined): boolean {
  return !!n && n.type === "Literal" && typeof n.value === "number" && n.value >= 0 && n.value <= 9 && Math.floor(n.value) === n.value;
}

/** Does the executor refer to its resolve or reject parameter at all? */
function usesParams(fn: Node): boolean {
  var names = fn.params.map(function (p: Node) {
    return p.name;
  });
  var used = false;
  if (!names.length) return false;
  eachNode(fn.body, function (x) {
    if (x.type === "Identifier" && names.indexOf(x.name) >= 0) used = true;
  });
  return used;
}

/** Does a function used with `new` return a literal (not counting nested functions)? */
function returnsPrimitive(fn: Node): boolean {
  var found = false;
  (function visit(n: Node) {
    if (n !== fn.body && isFunctionNode(n)) return;
    if (n.type === "ReturnStatement" && n.argument && n.argument.type === "Literal" && n.argument.value !== null && !n.argument.regex) found = true;
    Object.keys(n).forEach(function (k) {
      var v = n[k];
      if (k === "loc" || !v || typeof v !== "object") return;
      (Array.isArray(v) ? v : [v]).forEach(function (c: Node) {
        if (c && typeof c.type === "string") visit(c);
      });
    });
  })(fn.body);
  return found;
}
