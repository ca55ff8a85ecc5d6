// A parameter to which every call passes the same function is that function
// where it is read (src/build/common-args.ts); every other stays.

import assert = require("assert");
import { passCommonArgs } from "../../src/build/common-args";
import { leftAlone } from "../support/left-alone";
import { printed as run } from "../support/printed";

describe("the bundle's parameters that every call passes the same function", function () {
  it("reads the function where the parameter was read, in inner functions too, and no call passes it", function () {
    // The talk's counters: print() passed first, to a function of the top `var` and to a declaration.
    var code = "function C(){print.apply(0,arguments)}var W=function(t,i,n){t(i),function(){t(n)}()};function X(a,t,b){return t(a+b)}W(C,1,2),W(C,3,4),X(5,C,6),print(X(7,C,8));";
    var r = passCommonArgs(code)!;
    assert.strictEqual(r.code, "function C(){print.apply(0,arguments)}var W=function(i,n){C(i),function(){C(n)}()};function X(a,b){return C(a+b)}W(1,2),W(3,4),X(5,6),print(X(7,8));");
    assert.strictEqual(run(r.code), run(code));
    assert.strictEqual(run(code), "1 | 2 | 3 | 4 | 11 | 15 | undefined");
    // Its only parameter, and two of one function's.
    code = "function C(x){return [x]}function D(x){return x+1}var Y=function(t){return t(1)},Z=function(t,u,v){return t(u(v))};print(Y(C),Z(C,D,2),Z(C,D,5));";
    r = passCommonArgs(code)!;
    assert.strictEqual(r.code, "function C(x){return [x]}function D(x){return x+1}var Y=function(){return C(1)},Z=function(v){return C(D(v))};print(Y(),Z(2),Z(5));");
    assert.strictEqual(run(r.code), "1 3 6");
  });

  it("keeps a parameter the calls pass otherwise, or that is written, declared again or read where its function's name means another", function () {
    var C = "function C(x){return [x]}function D(x){return x+1}";
    leftAlone(passCommonArgs, [
      C + "function F(t,n){return t(n)}print(F(C,1),F(D,2));", // another function
      C + "function F(t,n){return t(n)}print(F(C,1),F);", // read as a value
      C + "function F(t,n){return t(n)}print(F(C,1),new F(C,2));", // made with new
      C + "function F(t,n){return t(n)}print(F(C,1),F.call(0,C,2));", // called otherwise
      C + "function F(t,n){return t(n)}F=D;print(F(C,1));", // the function written
      C + "var F=function(t,n){return t(n)};F=D;print(F(C,1));", // a var's function written
      C + "var F=function G(t,n){return n?G(D,0):t(n)};print(F(C,1));", // a named expression calls itself
      C + "function F(t,n){return t(arguments[1])}print(F(C,1));", // reads arguments
      C + "function F(t,n){t=D;return t(n)}print(F(C,1));", // the parameter written
      C + "function F(t,n){var t;return t(n)}print(F(C,1));", // declared again
      C + "function F(t,n){function t(){}return t(n)}print(F(C,1));", // by a function
      C + "function F(t,n){var C=D;return t(n)}print(F(C,1));", // the name means another where it is read
      C + "function F(t,n){return t(n)}C=D;print(F(C,1));", // the function passed is written
      C + "var C=function(x){return x};function F(t,n){return t(n)}print(F(C,1));", // or given another value by a var
      "var C=function(x){return [x]};function F(t,n){return t(n)}print(F(C,1));", // a variable, not a declaration
      C + "function F(t,n){return t(n)}function g(C){return F(C,1)}print(g(D),g(C),F(C,2));", // means another where one call is made
      C + "function F(t,n){return t(n)}print(F(print,1));", // a global
    ]);
    // A call that passes fewer arguments leaves it.
    assert.strictEqual(passCommonArgs(C + "function F(n,t){return t?t(n):n}print(F(1,C),F(2));"), null);
  });
});
