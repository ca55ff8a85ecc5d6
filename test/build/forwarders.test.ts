// A function declaration that only calls another with its parameters is that
// function where it is called (src/build/forwarders.ts); every other stays.

import assert = require("assert");
import { dropForwarders } from "../../src/build/forwarders";
import { leftAlone } from "../support/left-alone";
import { printed as run } from "../support/printed";

describe("the bundle's functions that only call another", function () {
  it("calls the function a wrapper calls where the wrapper was called, and drops the wrapper", function () {
    // promote() where it is createTask(), called at the top and in a function.
    var code = "function M(t,n){return [t,n]}function T(t,n){return M(t,n)}function g(x){return T(x,2)}print(T(1,3),g(4));";
    var r = dropForwarders(code)!;
    assert.strictEqual(r.code, "function M(t,n){return [t,n]}function g(x){return M(x,2)}print(M(1,3),g(4));");
    assert.strictEqual(run(r.code), run(code));
    assert.strictEqual(run(code), "1,3 4,2");
    // A wrapper of a wrapper: the one whose function is no wrapper goes, and the other calls that function (in one pass; the next would take it).
    code = "function M(t){return [t]}function S(t){return M(t)}function T(t){return S(t)}print(T(1),S(2));";
    assert.strictEqual(dropForwarders(code)!.code, "function M(t){return [t]}function T(t){return M(t)}print(T(1),M(2));");
    assert.strictEqual(run(dropForwarders(code)!.code), "1 2");
  });

  it("keeps a wrapper read but as a call with as many arguments, written, of a name written or that means another where it is called", function () {
    leftAlone(dropForwarders, [
      "function M(t){return [t]}function T(t){return M(t)}print(T(1),T);", // read as a value
      "function M(t){return [t]}function T(t){return M(t)}print(T(1,2));", // called with more arguments
      "function M(t){return [t]}function T(t){return M(t)}print(T());", // or fewer
      "function M(t){return [t]}function T(t){return M(t)}T=M;print(T(1));", // written
      "function M(t){return [t]}function T(t){return M(t)}M=print;print(T(1));", // of a name written
      "var M=function(t){return [t]};function T(t){return M(t)}print(T(1));", // of a variable
      "function M(t){return [t]}function T(t){return M(t)}function g(M){return T(M)}print(g(1));", // that means another where it is called
      "function M(t,n){return [t]}function T(t,n){return M(n,t)}print(T(1,2));", // its parameters in another order
      "function M(t){return [t]}function T(t){print(t);return M(t)}print(T(1));", // doing more
    ]);
  });
});
