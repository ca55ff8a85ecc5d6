// The minified bundle's functions become arrows and methods where that
// changes nothing they do (src/build/shorthand.ts); the --es5 build keeps them.

import assert = require("assert");
import { SourceMapConsumer } from "source-map-js";
import { shorthand } from "../../src/build/shorthand";
import { check } from "../../src/build/check";
import { printed as run } from "../support/printed";

function short(code: string): string {
  return shorthand(code).code;
}

var PROGRAM = [
  "var o={n:2,toString:function(){return\"o\"+this.n},k:function(t){return this.n*t},j:function(t){return t+1},g:function(){var t=this.n;return t+1},get h(){return 7}};",
  "var f=[1,2].map(function(t,i){return t+i}),z=function(){return{a:1}},c=function(t){return t++,t}(4);",
  "var w=function(){return arguments.length},p=function(){var t=1;return function(){return t+1}},q=function(){return function(t){return t*3}};",
  "print(String(o),o.k(3),o.j(1),o.g(),o.h,f,z().a,c,w(1,2),p()(),q()(2))",
].join("");

describe("the bundle's functions as arrows and methods", function () {
  it("makes a function with no this in it that reads no arguments an arrow, and a property's function a method, whichever is shorter", function () {
    var r = short(PROGRAM);
    assert.match(r, /k\(t\)\{return this\.n\*t\}/); // a method that reads this
    assert.match(r, /\{n:2,toString\(\)\{/); // any name, Object.prototype's too
    assert.match(r, /j:t=>t\+1/); // shorter as an arrow
    assert.match(r, /g\(\)\{var t=this\.n;return t\+1\}/);
    assert.match(r, /get h\(\)\{return 7\}/); // a getter stays
    assert.match(r, /map\(\(t,i\)=>t\+i\)/);
    assert.match(r, /z=\(\)=>\(\{a:1\}\)/); // an object literal in parentheses
    assert.match(r, /c=\(t=>\(t\+\+,t\)\)\(4\)/); // a sequence, and a function called where it is made
    assert.match(r, /w=function\(\)\{return arguments\.length\}/); // arguments keeps a function
    assert.match(r, /p=\(\)=>\{var t=1;return\(\)=>t\+1\}/); // and no space left after return
    assert.match(r, /q=\(\)=>t=>t\*3/);
  });

  it("keeps a function with a this anywhere in it, as Espruino keeps the caller's this with such an arrow and its debug builds assert where they parse one without running it", function () {
    var r = short("var f=function(){return function(){return this}},g=function(t){return t?0:function(){return[1,this]}};print(typeof f()(),g(1))");
    assert.match(r, /f=function\(\)\{return function\(\)\{return this\}\}/);
    assert.match(r, /g=function\(t\)\{return t\?0:function\(\)\{return\[1,this\]\}\}/);
    assert.deepStrictEqual(run(r), run("var f=function(){return function(){return this}},g=function(t){return t?0:function(){return[1,this]}};print(typeof f()(),g(1))"));
  });

  it("runs the same as the ES5 did", function () {
    assert.strictEqual(run(short(PROGRAM)), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "o2 6 2 3 7 1,3 1 5 2 2 6");
  });

  it("makes a top-level function declaration an arrow at the head of the top-level var statement, where it exists before any statement runs", function () {
    var src = "function a(t){return t+b(t)}function b(t){var i=t*2;return i}function C(t){this.t=t}function d(){return this}var x=a(1),y;print(x,new C(2).t,typeof d(),a.length)";
    var r = short(src);
    assert.strictEqual(r, "function C(t){this.t=t}function d(){return this}var a=t=>t+b(t),b=t=>{var i=t*2;return i},x=a(1),y;print(x,new C(2).t,typeof d(),a.length)");
    assert.strictEqual(run(r), run(src));
    assert.strictEqual(run(src), "3 2 object 1");
  });

  it("keeps a function the bundle may construct with new", function () {
    var src = "var C=function(t){},o={K:function(){}},D=function(){};new C(1);new o.K;D.prototype.x=1;o.L=function(){};new o.L;print(typeof C)";
    assert.strictEqual(short(src), src);
  });

  it("makes a function in a sequence an arrow, unless the sequence's value is one the bundle constructs", function () {
    var src = "var h,F,G,o={};o.t=(h=2,function(t){return t*h});F=(h=3,function(){});G=(h=4,function(t){return t+h});o.K=(0,function(){});new F;new o.K;print(o.t(5),G(1),typeof new F)";
    var r = short(src);
    assert.strictEqual(r, "var h,F,G,o={};o.t=(h=2,t=>t*h);F=(h=3,function(){});G=(h=4,t=>t+h);o.K=(0,function(){});new F;new o.K;print(o.t(5),G(1),typeof new F)");
    assert.strictEqual(run(r), run(src));
    assert.strictEqual(run(src), "20 5 object");
  });

  it("takes a method and a variable of one name for two things: a constructed variable keeps no method from being one", function () {
    var src = "function D(t){this.t=t}var o={D:function(t){return new D(t)},K:function(){}},E=function(){};new o.K;E.prototype.x=1;print(o.D(2).t,typeof new o.K)";
    var r = short(src);
    assert.strictEqual(r, "function D(t){this.t=t}var o={D:t=>new D(t),K:function(){}},E=function(){};new o.K;E.prototype.x=1;print(o.D(2).t,typeof new o.K)");
    assert.strictEqual(run(r), run(src));
  });

  it("leaves the dialect checker nothing to find, and a source map that keeps each function's place", function () {
    var r = shorthand(PROGRAM, "in.js");
    assert.deepStrictEqual(check(r.code), []);
    var map = new SourceMapConsumer(r.map as any), at = r.code.indexOf("(t,i)=>");
    var head = map.originalPositionFor({ line: 1, column: at }), body = map.originalPositionFor({ line: 1, column: at + 7 });
    assert.strictEqual(PROGRAM.slice(head.column, head.column + 13), "function(t,i)");
    assert.strictEqual(PROGRAM.slice(body.column, body.column + 3), "t+i");
  });
});
