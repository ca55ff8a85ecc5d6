// Espruino's globals as bundles for its boards call them, on the
// simulation's board and clock. Behaviour and messages follow Espruino's
// sources (src/jswrap_io.c, jswrap_interactive.c, jsinteractive.c, jspin.c at
// commit c5ff787): pins are names ("B2"), digitalRead/digitalWrite/setWatch
// set a pin's mode unless pinMode() fixed it, a board's own button is watched
// on its rising edge with a 25 ms debounce unless the watch says otherwise,
// watch ids are the last live one's plus one (ids are reused); timers are
// espruino-timers.ts.
// Not modelled: the 0.1 ms minimum delay of a timeout (virtual time takes
// code as instant), pin objects (LED1.set()), E. Serial1... are serial.ts's. Host only.

import type { BoardProfile, Capability } from "../../build/board-profile";
import { boardNames } from "../../build/boards";
import type { PinMode } from "../../hal/hal";
import type { Listener } from "./board";
import { runtimeError } from "./runtime";
import { espruinoSerial, serialFunctions } from "./serial";
import type { MemoryBudget, Runtime, RuntimeHost } from "./runtime";
import { SandboxFunction } from "./sandbox";
import { espruinoTimers, keep, release } from "./espruino-timers";

var MODES: { [mode: string]: PinMode } = {
  analog: "analog",
  input: "input",
  input_pullup: "input_pullup",
  input_pulldown: "input_pulldown",
  output: "output",
  opendrain: "output",
  opendrain_pullup: "output",
  af_output: "output",
  af_opendrain: "output",
};

/** A board's own button: watched on the rising edge, 25 ms debounce (jswrap_interface_setWatch). */
var BUTTON_DEBOUNCE_MS = 25;

/**
 * QuickJS allocations to Espruino variables (JsVars, 12-16 bytes each, code
 * text too when it is in RAM). Measured: an object {a, b} is 2 allocations
 * and 4 variables, a 15-character string 1 and 3; blink's bundle (8.2 KB,
 * about 685 variables of code text) loads in 614 allocations. So one
 * allocation stands for about 2 variables.
 */
var VARIABLES_PER_BLOCK = 2;

/** The board's Espruino variables (memory.variables; else a 16-byte variable per byte of RAM / 16). */
export function variablesBudget(board: BoardProfile): MemoryBudget {
  var v = board.memory.variables, file = "boards/" + board.id + ".json";
  return v
    ? { limit: v, unit: "variables", perBlock: VARIABLES_PER_BLOCK, source: "memory.variables in " + file }
    : { limit: Math.floor(board.memory.ramBytes / 16), unit: "variables", perBlock: VARIABLES_PER_BLOCK, source: "memory.ramBytes / 16 in " + file };
}

interface Watch {
  id: number;
  pin: string;
  fn: SandboxFunction | string;
  repeat: boolean;
  /** 1 rising, -1 falling, 0 both. */
  edge: number;
  debounce: number;
  /** The level last reported (or settled, when debounced). */
  state: boolean;
  lastTime: number | undefined;
  /** The pending debounce timeout, and the level it will report. */
  timer: number | undefined;
  timerState: boolean;
  listener: Listener;
}

function install(host: RuntimeHost) {
  var board = host.board, pins = host.pins, manual: { [pin: string]: boolean } = {}, buttons: { [pin: string]: boolean } = {}, watches: Watch[] = [];
  var t = espruinoTimers(host), timers = t.timers;
  Object.keys(board.buttons).forEach(function (n) {
    buttons[board.buttons[n].pin] = true;
  });

  function nameOf(v: unknown): string | undefined {
    return typeof v === "string" && board.pins.hasOwnProperty(v) ? v : undefined;
  }
  function invalid(v: unknown): string {
    return "Invalid pin " + JSON.stringify(v) + ": " + board.id + " (" + board.name + ") has " + Object.keys(board.pins).join(", ");
  }
  function pin(v: unknown): string {
    var p = nameOf(v);
    if (p === undefined) throw runtimeError("Error", invalid(v));
    return p;
  }
  function withCap(cap: Capability): string[] {
    return Object.keys(board.pins).filter(function (p) {
      return board.pins[p].caps.indexOf(cap) >= 0;
    });
  }
  function notCapable(v: unknown, what: string, cap: Capability): void {
    host.error("ERROR: Pin " + (typeof v === "string" ? v : JSON.stringify(v)) + " is not capable of " + what + ". Suitable pins are: " + withCap(cap).join(", "));
  }
  /** The mode a function sets unless pinMode() fixed it. */
  function auto(p: string, mode: PinMode): void {
    if (!manual[p]) pins.setMode(p, mode);
  }
  function read(p: string): boolean {
    auto(p, "input");
    return pins.level(p);
  }
  function write(p: string, high: boolean): void {
    pins.setOut(p, high);
    auto(p, "output");
  }

  function unwatch(w: Watch): void {
    var i = watches.indexOf(w);
    if (i < 0) return;
    watches.splice(i, 1);
    pins.unlisten(w.listener);
    if (w.timer !== undefined) timers.remove(w.timer);
    release(w.fn);
  }
  /** The STM32's EXTI lines: one watch per pin number across ports (A0 and B0 share one). */
  function lineTaken(p: string): boolean {
    if (board.chip.indexOf("STM32") !== 0) return false;
    var n = p.replace(/^[A-Z]+/, "");
    return watches.some(function (w) {
      return w.pin !== p && w.pin.replace(/^[A-Z]+/, "") === n;
    });
  }
  function setWatch(args: unknown[]): number | undefined {
    var fn = args[0], p = nameOf(args[1]), o = args[2] as { repeat?: unknown; debounce?: unknown; edge?: unknown } | undefined;
    if (p === undefined) return void host.error("ERROR: " + invalid(args[1]));
    if (lineTaken(p)) return void host.error("WARNING: Unable to set watch. You may already have a watch on a pin with the same number (eg. A0 and B0), or this pin cannot be used with watch");
    var repeat = false, debounce = buttons[p] ? BUTTON_DEBOUNCE_MS : 0, edge = buttons[p] ? 1 : 0;
    if (o && typeof o === "object") {
      if (o.repeat !== undefined) repeat = !!o.repeat;
      if (o.debounce !== undefined) debounce = Number(o.debounce) >= 0 ? Number(o.debounce) : 0;
      if (typeof o.edge === "number") edge = o.edge > 0 ? 1 : o.edge < 0 ? -1 : 0;
      else if (o.edge !== undefined) {
        edge = o.edge === "rising" ? 1 : o.edge === "falling" ? -1 : o.edge === "both" ? 0 : -1000;
        if (edge === -1000) throw runtimeError("TypeError", "'edge' in setWatch should be 1, -1, 0, 'rising', 'falling' or 'both'");
      }
    } else repeat = !!o;
    if (!(fn instanceof SandboxFunction) && typeof fn !== "string") throw runtimeError("Error", "Function or String not supplied!");
    var last = watches[watches.length - 1], at: number;
    var w: Watch = {
      id: (last ? last.id : 0) + 1,
      pin: p,
      fn: keep(fn) as SandboxFunction | string,
      repeat: repeat,
      edge: edge,
      debounce: debounce,
      state: read(p),
      lastTime: undefined,
      timer: undefined,
      timerState: false,
      listener: undefined!, // just below
    };
    function report(state: boolean, t: number): void {
      var lastTime = w.lastTime;
      w.lastTime = t / 1000;
      if (w.edge !== 0 && w.edge > 0 !== state) return;
      host.invoke(w.fn, [{ state: state, time: t / 1000, lastTime: lastTime, pin: p }], "a watch callback");
      if (!w.repeat) unwatch(w);
    }
    function settled(): boolean {
      w.timer = undefined;
      if (w.state !== w.timerState) {
        w.state = w.timerState;
        report(w.state, at);
      }
      return true;
    }
    w.listener = pins.listen(p, function () {
      var level = pins.level(p!);
      if (!w.debounce) {
        w.state = level;
        return report(level, host.clock.now());
      }
      // Debounced: the level reported is the one that held for `debounce` ms after the last change.
      at = host.clock.now();
      w.timerState = level;
      if (w.timer !== undefined && timers.move(w.timer, w.debounce)) return;
      w.timer = level !== w.state ? timers.add(settled, w.debounce, 0, function () {}, true) : undefined;
    });
    watches.push(w);
    return w.id;
  }
  function clearWatch(args: unknown[]): void {
    if (!args.length) return void watches.slice().forEach(unwatch);
    if (args[0] === undefined) throw runtimeError("Error", "clearWatch(undefined) not allowed. Use clearWatch() instead");
    for (var i = 0; i < watches.length; i++) if (watches[i].id === args[0]) return unwatch(watches[i]);
    throw runtimeError("Error", "Unknown Watch " + String(args[0]));
  }

  /** A pin or, as Espruino allows, an array of pins (the last is the lowest bit). */
  function eachPin(v: unknown, value: number, fn: (p: string, bit: boolean) => void): void {
    if (!Array.isArray(v)) return fn(pin(v), value !== 0);
    for (var i = v.length - 1; i >= 0; i--, value = value >>> 1) fn(pin(v[i]), (value & 1) === 1);
  }

  var functions = {
    pinMode: function (args: unknown[]) {
      var p = pin(args[0]), mode = args[1];
      if (typeof mode === "string" && MODES.hasOwnProperty(mode)) {
        manual[p] = !args[2];
        pins.setMode(p, MODES[mode]);
        return;
      }
      manual[p] = false;
      if (mode !== undefined && mode !== "auto") throw runtimeError("Error", "Unknown pin mode");
    },
    getPinMode: function (args: unknown[]) {
      return pins._pin(pin(args[0])).mode;
    },
    digitalWrite: function (args: unknown[]) {
      var v = args[1], value = typeof v === "boolean" ? (v ? 0xffffffff : 0) : Number(v) | 0;
      eachPin(args[0], value, write);
    },
    digitalRead: function (args: unknown[]) {
      if (!Array.isArray(args[0])) return read(pin(args[0])) ? 1 : 0;
      return (args[0] as unknown[]).reduce(function (acc: number, v) {
        return (acc << 1) | (read(pin(v)) ? 1 : 0);
      }, 0);
    },
    analogWrite: function (args: unknown[]) {
      var p = nameOf(args[0]), o = args[2] as { soft?: unknown; forceSoft?: unknown } | undefined, soft = !!o && typeof o === "object" && !!(o.soft || o.forceSoft);
      if (p === undefined || (board.pins[p].caps.indexOf("pwm") < 0 && !soft)) return notCapable(args[0], "PWM Output", "pwm");
      var duty = Number(args[1]);
      pins.setDuty(p, duty < 0 ? 0 : duty > 1 ? 1 : duty, !manual[p]);
    },
    analogRead: function (args: unknown[]) {
      var p = nameOf(args[0]);
      if (p === undefined || board.pins[p].caps.indexOf("adc") < 0) return notCapable(args[0], "Analog Input", "adc"), 0;
      auto(p, "analog");
      return pins._pin(p).analog;
    },
    setWatch: setWatch,
    clearWatch: clearWatch,
    getTime: function () {
      return host.clock.now() / 1000;
    },
  };
  Object.keys(t.globals).forEach(function (k) {
    (functions as { [name: string]: unknown })[k] = t.globals[k];
  });
  var serial = serialFunctions(host);
  Object.keys(serial).forEach(function (k) {
    (functions as { [name: string]: unknown })[k] = serial[k];
  });
  return { functions: functions, values: values(board), timers: timers, prelude: espruinoSerial(board) + "\n" + ESPRUINO_FLAGS };
}

/**
 * E.setFlags() (jsflags.c), which an Espruino bundle calls first
 * (src/build/espruino-flags-plugin.ts): its flags change nothing here.
 */
var ESPRUINO_FLAGS = "(globalThis.E || (globalThis.E = {})).setFlags = function (flags) {};";

/** The board's names as Espruino has them as globals (LED1, BTN1, B2...), each the pin's name. */
function values(board: BoardProfile): { [name: string]: unknown } {
  var out: { [name: string]: unknown } = {};
  boardNames(board).forEach(function (n) {
    out[n.name] = n.value;
  });
  return out;
}

export var espruino: Runtime = {
  name: "Espruino",
  install: install,
  uncaught: function (text) {
    return "Uncaught " + text;
  },
  budget: variablesBudget,
};
