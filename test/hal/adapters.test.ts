// The HAL adapters, against stubbed runtime globals: what exactly each one
// calls, with which arguments, in which order.

import assert = require("assert");
import type { Hal } from "../../src/hal/hal";
import type * as espruino from "../../src/hal/espruino";
import type * as kaluma from "../../src/hal/kaluma";
import type * as sim from "../../src/hal/sim";

// Each adapter's exports are a Hal: the compiler says so, or this line fails to compile.
export type Adapters = [typeof espruino, typeof kaluma, typeof sim] extends [Hal, Hal, Hal] ? true : never;
var adaptersAreHals: Adapters = true;

type Call = [string, ...unknown[]];

/** Installs recording stubs for `names` as globals, loads the adapter fresh, and returns both. */
function withStubs(adapter: string, names: string[], returns: { [name: string]: unknown }): { hal: Hal; calls: Call[]; restore: () => void } {
  var g = global as unknown as { [name: string]: unknown }, calls: Call[] = [], saved: { [name: string]: unknown } = {};
  names.forEach(function (n) {
    saved[n] = g[n];
    g[n] = function () {
      calls.push([n].concat([].slice.call(arguments)) as Call);
      return returns[n];
    };
  });
  var file = require.resolve("../../src/hal/" + adapter);
  delete require.cache[file];
  return {
    hal: require(file),
    calls: calls,
    restore: function () {
      names.forEach((n) => (saved[n] === undefined ? delete g[n] : (g[n] = saved[n])));
    },
  };
}

function exercise(hal: Hal, pin: string | number, fn: () => void): void {
  hal.mode(pin, "output");
  hal.write(pin, true);
  hal.write(pin, false);
  hal.mode(pin, "input_pullup");
  assert.strictEqual(hal.read(pin), true);
  var id = hal.watch(pin, fn);
  hal.unwatch(id);
  hal.mode(pin, "analog");
  hal.pwm(pin, 0.25, 200);
  assert.strictEqual(hal.adc(pin), 0.5);
}

var ESPRUINO = ["pinMode", "digitalWrite", "digitalRead", "setWatch", "clearWatch", "analogWrite", "analogRead"];

describe("HAL adapters call their runtime's globals", function () {
  it("Espruino: pinMode, digitalWrite, digitalRead, setWatch on both edges, clearWatch, analogWrite with freq, analogRead", function () {
    var s = withStubs("espruino", ESPRUINO, { digitalRead: 1, setWatch: 7, analogRead: 0.5 });
    var fn = function () {};
    try {
      exercise(s.hal, "D5", fn);
    } finally {
      s.restore();
    }
    assert.deepStrictEqual(s.calls, [
      ["pinMode", "D5", "output"],
      ["digitalWrite", "D5", true],
      ["digitalWrite", "D5", false],
      ["pinMode", "D5", "input_pullup"],
      ["digitalRead", "D5"],
      ["setWatch", fn, "D5", { repeat: true, edge: "both", debounce: 0 }],
      ["clearWatch", 7],
      ["pinMode", "D5", "analog"],
      ["analogWrite", "D5", 0.25, { freq: 200 }],
      ["analogRead", "D5"],
    ]);
  });

  it("Kaluma: numeric modes (OUTPUT 1, INPUT_PULLUP 2), HIGH/LOW as 1/0, setWatch on CHANGE (12), analogWrite(pin, duty, freq)", function () {
    var s = withStubs("kaluma", ESPRUINO, { digitalRead: 1, setWatch: 3, analogRead: 0.5 });
    var fn = function () {};
    try {
      exercise(s.hal, 25, fn);
    } finally {
      s.restore();
    }
    assert.deepStrictEqual(s.calls, [
      ["pinMode", 25, 1],
      ["digitalWrite", 25, 1],
      ["digitalWrite", 25, 0],
      ["pinMode", 25, 2],
      ["digitalRead", 25],
      ["setWatch", fn, 25, 12],
      ["clearWatch", 3],
      ["analogWrite", 25, 0.25, 200],
      ["analogRead", 25],
    ]);
  });
});
