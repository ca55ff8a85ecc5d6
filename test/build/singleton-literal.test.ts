// The device build writes out the one object a class makes, where nothing can
// tell (src/build/singleton-literal.ts): the device's loop.

import assert = require("assert");
import { singletonLiterals } from "../../src/build/singleton-literal";
import { printed } from "../support/printed";

function iife(body: string): string {
  return "!function(){" + body + "}();";
}

var CLASS = "function K(){this.s=[],this.n=0}K.prototype={o:function(t){this.s.push(t),this.n++},w:function(){return this.s.join()+this.n}};";

describe("writing out the one object a class makes", function () {
  it("makes a class made once at the outermost scope its object: fields, then methods, and the bundle prints the same", function () {
    var code = iife("var a;" + CLASS + "a=new K,a.o(1),a.o(2),print(a.w(),Object.keys(a).join())");
    var out = singletonLiterals(code)!.code;
    assert.strictEqual(out, iife("var a;a={s:[],n:0,o:function(t){this.s.push(t),this.n++},w:function(){return this.s.join()+this.n}},a.o(1),a.o(2),print(a.w(),Object.keys(a).join())"));
    assert.strictEqual(printed(code), "1,22 s,n");
    assert.strictEqual(printed(out), "1,22 s,n,o,w", "the methods are the object's own");
  });

  it("takes two such prototypes out of one list side by side, its first or its last, with the commas between", function () {
    var J = "function J(){this.v=5}", M = "function M(){this.w=7}";
    var cases = [
      ["K.prototype={o:function(t){this.n+=t}},J.prototype={g:function(){return this.v}},M.prototype={h:function(){return this.w}};", "first"],
      ["M.prototype={h:function(){return this.w}},K.prototype={o:function(t){this.n+=t}},J.prototype={g:function(){return this.v}};", "last"],
      ["M.prototype={h:function(){return this.w}};K.prototype={o:function(t){this.n+=t}},J.prototype={g:function(){return this.v}};", "all"],
    ];
    cases.forEach(function (c) {
      var code = iife("function K(){this.n=0}" + J + M + c[0] + "var a=new K,b=new J,d=new M,e=new M;a.o(2),print(a.n,b.g(),d.h(),e.h())");
      var out = singletonLiterals(code)!.code;
      assert.doesNotMatch(out, /K\.prototype|J\.prototype|[;(,],|,[;)]/, c[1] + ": " + out);
      assert.strictEqual(printed(out), "2 5 7 7", c[1]);
    });
  });

  it("finds the class's name where an inner scope declares the same name for something else", function () {
    var code = iife("var a;" + CLASS + "var u=new K;function f(K){return K+1}u.o(f(1)),print(u.w())");
    var out = singletonLiterals(code)!.code;
    assert.match(out, /var u=\{s:\[\],n:0,o:function/);
    assert.strictEqual(printed(out), printed(code));
  });

  it("leaves a class alone that is made twice, in a function or a loop, named otherwise, or whose constructor does more than set constants", function () {
    [
      CLASS + "var a=new K,b=new K;print(a===b)",
      CLASS + "function f(){return new K}print(f().w())",
      CLASS + "for(var i=0,a;i<1;i++)a=new K;print(a.w())",
      CLASS + "var a=new K;print(a instanceof K)",
      CLASS + "var a=new K;K.prototype.x=1;print(a.x)",
      "function K(t){this.s=t}K.prototype={w:function(){return this.s}};var a=new K(1);print(a.w())",
      "function K(){this.s=[1]}K.prototype={w:function(){return this.s}};var a=new K;print(a.w())",
      "function K(){this.s=[];print(1)}K.prototype={w:function(){return this.s}};var a=new K;print(a.w())",
      "function K(){this.w=0}K.prototype={w:function(){return 1}};var a=new K;print(a.w)",
      "function K(){this.s=0}K.prototype={constructor:K,w:function(){return 1}};var a=new K;print(a.w())",
      "var a=new K;" + CLASS + "print(a.w())",
    ].forEach(function (body) {
      assert.strictEqual(singletonLiterals(iife(body)), null, body);
    });
  });
});
