// Every function's names are its own in the bundle before terser
// (src/build/unique-names.ts): what each name refers to stays the same, and
// terser can then inline a function called once where its names were taken.

import assert = require("assert");
import vm = require("vm");
import { minify } from "terser";
import { uniqueNames } from "../../src/build/unique-names";

function run(code: string, globals?: object): string {
  var out: string[] = [];
  vm.runInNewContext(code, Object.assign({ print: (...a: unknown[]) => out.push(a.map(String).join(" ")) }, globals));
  return out.join(" | ");
}

var PROGRAM = [
  "(function(){var i=1;",
  "function add(t,n){return t+n+i}", // params; a name of the top level
  "function s(){var i=10;return function(){return i+arguments.length}}", // a local var shadows one; arguments stays
  "try{throw 5}catch(i){print('caught',i)}", // a catch clause's name
  "var e=function i(n){return n?i(n-1)+1:0};", // a named function expression's own name
  "function output(pin){return {pin:pin,on:false}}",
  "function blink(pin,ms){var led=output(pin);return [led.pin,ms]}", // `pin` in both: terser kept output() an IIFE
  "print(add(1,2),s()(),e(3),i,blink(7,500),typeof print)",
  "})();",
].join("");

describe("unique names before terser", function () {
  it("gives each function's params and vars a name no other scope has", function () {
    var code = uniqueNames(PROGRAM).code;
    assert.match(code, /function add\$\d+\(t\$\d+,n\$\d+\)\{return t\$\d+\+n\$\d+\+i\$\d+\}/);
    assert.match(code, /function output\$\d+\(pin\$\d+\)/);
    assert.match(code, /function blink\$\d+\(pin\$\d+,ms\$\d+\)/);
    assert.notStrictEqual(/function output\$\d+\(pin(\$\d+)/.exec(code)![1], /function blink\$\d+\(pin(\$\d+)/.exec(code)![1]);
    assert.match(code, /typeof print\)/, "a global stays");
    assert.match(code, /arguments\.length/);
    assert.match(code, /function i\(n\$\d+\)\{return n\$\d+\?i\(n\$\d+-1\)\+1:0\}/, "a function expression's own name stays");
  });

  it("runs the same as before", function () {
    assert.strictEqual(run(uniqueNames(PROGRAM).code), run(PROGRAM));
    assert.strictEqual(run(PROGRAM), "caught 5 | 4 10 3 1 7,500 function");
  });

  it("lets terser inline a function called once whose parameter's name the caller has", async function () {
    var program = [
      "(function(){",
      "function Led(pin){this.pin=pin}",
      "function output(pin){return new Led(pin)}",
      "function blink(pin,ms){var led=output(pin);return function(){print(led.pin,ms)}}", // `pin` in both
      "blink(pins.a,500)();blink(pins.b,300)()",
      "})();",
    ].join("");
    var options = { ecma: 5 as const, compress: { passes: 2 }, mangle: true }, pins = { pins: { a: 1, b: 2 } };
    var before = (await minify(program, options)).code!, after = (await minify(uniqueNames(program).code, options)).code!;
    assert.match(before, /=function\(\w\)\{return new \w\(\w\)\}\(\w\)/, "terser kept output() an IIFE: " + before);
    assert.match(after, /var \w=new \w\(\w\);/, after);
    assert.ok(after.length < before.length, after.length + " vs " + before.length);
    assert.strictEqual(run(after, pins), "1 500 | 2 300");
    assert.strictEqual(run(after, pins), run(program, pins));
  });
});
