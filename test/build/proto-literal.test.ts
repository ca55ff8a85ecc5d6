// The device build sets a class's methods in one object literal where the
// order cannot be seen (src/build/proto-literal.ts).

import assert = require("assert");
import vm = require("vm");
import { literalPrototypes } from "../../src/build/proto-literal";

function iife(body: string): string {
  return "!function(){" + body + "}();";
}

/** What `code` prints, run alone. */
function printed(code: string): string[] {
  var lines: string[] = [];
  vm.runInNewContext(code, { print: (...a: unknown[]) => lines.push(a.join(" ")) });
  return lines;
}

describe("setting a class's methods in one literal", function () {
  it("gathers the methods of each class where its first was set, quoting reserved words, and the bundle prints the same", function () {
    var code = iife(
      "function A(){}function B(t){this.t=t}function f(){return\"f\"}var n;" +
        'A.prototype.x=function(){return 1},A.prototype.y=2,B.prototype.name="B",B.prototype.toString=f,B.prototype.catch=void 0;' +
        "A.prototype.z=function(){return 3};n=new A,print(n.x(),n.y,n.z(),String(new B(1)),new B(1).catch,B.prototype.name)",
    );
    var out = literalPrototypes(code)!.code;
    assert.match(out, /A\.prototype=\{x:function\(\)\{return 1\},y:2,z:function\(\)\{return 3\}\},B\.prototype=\{name:"B",toString:f,"catch":void 0\};n=new A/);
    assert.deepStrictEqual(printed(out), printed(code));
    assert.deepStrictEqual(printed(out), ["1 2 3 f  B"]);
  });

  it("makes a literal of one method too where the bundle writes it as a method (not --es5), never of one other value", function () {
    var code = iife("function C(){}function D(){}C.prototype.x=function(){return 5};D.prototype.y=6;print(new C().x(),new D().y)");
    assert.strictEqual(literalPrototypes(code), null, "--es5: one method's literal is no shorter");
    var out = literalPrototypes(code, true)!.code;
    assert.match(out, /C\.prototype=\{x:function\(\)\{return 5\}\};D\.prototype\.y=6;/);
    assert.deepStrictEqual(printed(out), ["5 6"]);
  });

  it("leaves a class alone when something could see its prototype before its last method: a use, a call, a value not known", function () {
    var ahead = [
      "function A(){}A.prototype.x=1;var a=new A;A.prototype.y=2;print(a.y)",
      "function A(){}function g(){}A.prototype.x=1;g();A.prototype.y=2;print(new A().y)",
      "function A(){}var p=A.prototype;A.prototype.x=1,A.prototype.y=2;print(p.y)",
      "function A(){}var v=2;A.prototype.x=1,A.prototype.y=v;print(new A().y)",
    ];
    ahead.forEach(function (body) {
      assert.strictEqual(literalPrototypes(iife(body)), null, body);
    });
  });

  it("sees past a `new` of a class whose constructor names nothing of the bundle (a device's loop), not of one that names something", function () {
    var code = iife("function L(){this.r=[]}function A(){}A.prototype.x=1;var l=new L;A.prototype.y=2;print(new A().y,l.r.length)");
    var out = literalPrototypes(code)!.code;
    assert.match(out, /A\.prototype=\{x:1,y:2\};var l=new L;print/);
    assert.deepStrictEqual(printed(out), ["2 0"]);
    ["function g(){}function L(){g()}function A(){}A.prototype.x=1;var l=new L;A.prototype.y=2;print(new A().y)", "function L(){this.a=A.prototype}function A(){}A.prototype.x=1;var l=new L;A.prototype.y=2;print(l.a.y)"].forEach(function (body) {
      assert.strictEqual(literalPrototypes(iife(body)), null, body);
    });
  });
});
