// The bundle's data is declared first (src/build/data-first.ts): a top-level
// declaration that holds no code moves to the head of the first `var`
// statement, where Espruino finds its name sooner; the program does the same.

import assert = require("assert");
import { dataFirst } from "../../src/build/data-first";
import { printed as run } from "../support/printed";

var PROGRAM = [
  "function f(){return t+n(1)+e[1]}", // a function declared before the first var statement
  "var n=t=>t+1,t,e=[8,100];", // the arrows shorthand put first, then what terser declared bare
  "function g(){return a+o+r}",
  "var a,o=1,r=\"x\";", // all of it holds no code: the statement goes
  "var s=2,i=[s];s=3;", // s is assigned again and i's array holds a name: both stay
  "t=5;a=6;",
  "print(f(),g(),s,i[0])",
].join("");

describe("the bundle's data first", function () {
  it("moves each bare or literal declaration of the top level to the head of its first var statement, and drops a statement it empties", function () {
    var code = dataFirst(PROGRAM).code;
    assert.ok(code.indexOf('function f(){return t+n(1)+e[1]}var t,e=[8,100],a,o=1,r="x",n=t=>t+1;function g(){return a+o+r}var s=2,i=[s];s=3;') === 0, code);
    assert.strictEqual(code.length, PROGRAM.length - 4, "no byte more; an emptied statement's `var ;` less the comma its declarations now need");
  });

  it("leaves a declaration whose value something assigns again, or whose literal holds a name, where it is", function () {
    assert.match(dataFirst(PROGRAM).code, /var s=2,i=\[s\];s=3;/);
    assert.strictEqual(dataFirst("var n=1;var t=2;t=3;print(n,t)").code, "var n=1;var t=2;t=3;print(n,t)");
  });

  it("runs the same as before", function () {
    assert.strictEqual(run(dataFirst(PROGRAM).code), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "107 7x 3 2");
  });

  it("keeps a first statement whose every declaration moves well formed", function () {
    var code = dataFirst("var t;function f(){return t}var e=4;print(f(),e)").code;
    assert.strictEqual(code, "var t,e=4;function f(){return t}print(f(),e)");
  });
});
