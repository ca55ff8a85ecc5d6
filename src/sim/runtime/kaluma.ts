// Kaluma's globals as bundles for its boards call them, on the simulation's
// board and clock. Behaviour and messages follow Kaluma 1.2.1 (src/global.c,
// src/io.c, targets/rp2/src/gpio.c, pwm.c, adc.c): pins are GPIO numbers,
// arguments are type-checked ('"pin" argument must be a number'), a pin the
// board lacks is a SystemError "Invalid pin number", digitalWrite sets the
// output latch (the pin shows it once pinMode made it an OUTPUT), a callback
// that throws stops its timer or watch, ids come from one counter for timers
// and watches. Not modelled: a timer fires on the first loop pass after its
// deadline (a millisecond late on the device), LOW_LEVEL/HIGH_LEVEL watches,
// pulse and tone functions. Host only.

import type { BoardProfile, Capability } from "../../build/board-profile";
import type { PinMode } from "../../hal/hal";
import type { Listener } from "./board";
import { runtimeError } from "./runtime";
import { kalumaSerial, serialFunctions } from "./serial";

/**
 * Kaluma on the RP2040 reads Date.now() from the RTC through the SDK's
 * aon_timer, in whole seconds (tv_nsec is 0): a firmware timed by it runs
 * in steps of a second, as on the board. millis() keeps milliseconds.
 */
var SECOND_STEPPING_DATE = "\nDate.now = (function (now) { return function () { return Math.floor(now() / 1000) * 1000; }; })(Date.now);\n";
import type { Runtime, RuntimeHost } from "./runtime";
import { SandboxFunction } from "./sandbox";
import { Timers } from "./timers";

// INPUT, OUTPUT, INPUT_PULLUP, INPUT_PULLDOWN; any other number is an input (km_gpio_set_io_mode).
var MODES: PinMode[] = ["input", "output", "input_pullup", "input_pulldown"];
var LOW_LEVEL = 1, HIGH_LEVEL = 2, FALLING = 4, RISING = 8, CHANGE = 12;

/** JerryScript's heap on Kaluma 1.2.1, KB: targets/rp2/target.cmake, TARGET_HEAPSIZE for the RP2040. */
var HEAP_KB: { [chip: string]: number } = { RP2040: 180 };

/**
 * QuickJS allocations to bytes of JerryScript heap (compressed pointers,
 * 8-byte cells): an object {a, b} is 2 allocations and about 32 bytes there,
 * a 15-character string 1 and about 24.
 */
var BYTES_PER_BLOCK = 16;

interface Watch {
  id: number;
  pin: number;
  fn: SandboxFunction;
  events: number;
  debounce: number;
  /** The level last reported. */
  val: boolean;
  /** The pending debounce check (a clock timer). */
  check: unknown;
  listener: Listener;
}

function install(host: RuntimeHost) {
  var board = host.board, pins = host.pins, clock = host.clock, gpios: { [n: number]: Capability[] } = {}, watches: Watch[] = [], handles = 0;
  function nextId(): number {
    return ++handles; // km_io_handle_init: one counter for every handle
  }
  var timers = new Timers(clock, nextId);
  Object.keys(board.pins).forEach(function (name) {
    var p = board.pins[name];
    if (p.id !== undefined) gpios[p.id] = p.caps;
  });

  function typeError(message: string): Error {
    return runtimeError("TypeError", message);
  }
  /** Argument i, a number (JERRYXX_CHECK_ARG_NUMBER); if `fallback` is given it may be left out, but not passed as undefined (_OPT). */
  function number(args: unknown[], i: number, name: string, fallback?: number): number {
    if (args.length <= i && fallback !== undefined) return fallback;
    if (typeof args[i] === "number") return args[i] as number;
    throw typeError('"' + name + '" argument must be a number');
  }
  function gpio(n: number, cap?: Capability): number {
    n = n & 0xff; // uint8_t
    if (!gpios[n] || (cap && gpios[n].indexOf(cap) < 0)) throw runtimeError("SystemError", "Invalid pin number");
    return n;
  }
  /** A pin number or an array of them (pinMode, digitalWrite). */
  function eachPin(args: unknown[], fn: (n: number, i: number, count: number) => void): void {
    var v = args[0];
    if (!args.length) throw typeError('"pin" argument required');
    if (typeof v === "number") return fn(gpio(v), 0, 1);
    if (!Array.isArray(v)) throw typeError('"pin" argument must be a number or number[]');
    var list: unknown[] = v;
    list.forEach(function (p, i) {
      if (typeof p !== "number") throw typeError('"pin" argument must be a number or number[]');
      fn(gpio(p), i, list.length);
    });
  }
  function callback(args: unknown[], i: number): SandboxFunction {
    if (!(args[i] instanceof SandboxFunction)) throw typeError('"callback" argument must be a function');
    return (args[i] as SandboxFunction).keep();
  }
  function setTimer(args: unknown[], interval: boolean): number {
    if (!(args[0] instanceof SandboxFunction)) throw typeError('"callback" argument must be a function');
    var delay = Math.max(0, Math.floor(number(args, 1, "delay"))), fn = callback(args, 0);
    return timers.add(
      function () {
        return host.invoke(fn, [], interval ? "an interval callback" : "a timeout callback");
      },
      delay,
      interval ? Math.max(1, delay) : 0,
      function () {
        fn.release();
      },
    );
  }
  function clearTimer(args: unknown[]): void {
    timers.remove(number(args, 0, "id"));
  }

  function unwatch(w: Watch): void {
    var i = watches.indexOf(w);
    if (i < 0) return;
    watches.splice(i, 1);
    pins.unlisten(w.listener);
    if (w.check !== undefined) clock.clearTimer(w.check);
    w.fn.release();
  }
  function setWatch(args: unknown[]): number {
    if (!(args[0] instanceof SandboxFunction)) throw typeError('"callback" argument must be a function');
    var n = number(args, 1, "pin") & 0xff, events = number(args, 2, "events", CHANGE), debounce = number(args, 3, "debounce", 0);
    if (events === LOW_LEVEL || events === HIGH_LEVEL) {
      throw runtimeError("Error", "setWatch: LOW_LEVEL and HIGH_LEVEL watches call back on every pass of Kaluma's loop while the level holds; the simulator runs only watches on changes (RISING, FALLING, CHANGE)");
    }
    var w: Watch = { id: nextId(), pin: n, fn: callback(args, 0), events: events, debounce: debounce, val: pins.level(n), check: undefined, listener: undefined! };
    function check(): void {
      w.check = undefined;
      var reading = pins.level(n);
      if (reading === w.val) return;
      w.val = reading;
      if (w.events === CHANGE || (w.events === RISING && reading) || (w.events === FALLING && !reading)) {
        if (!host.invoke(w.fn, [n], "a watch callback")) unwatch(w); // set_watch_cb closes a watch whose callback threw
      }
    }
    w.listener = pins.listen(n, function () {
      if (!w.debounce) return check();
      // km_io_watch_run: the reading counts once it has held for `debounce` ms.
      if (w.check !== undefined) clock.clearTimer(w.check);
      w.check = clock.setTimer(check, w.debounce);
    });
    watches.push(w);
    return w.id;
  }

  var functions = {
    pinMode: function (args: unknown[]) {
      var mode = MODES[number(args, 1, "mode", 0)] || "input";
      eachPin(args, function (n) {
        pins.setMode(n, mode);
      });
    },
    digitalWrite: function (args: unknown[]) {
      var value = number(args, 1, "value", 0);
      eachPin(args, function (n, i, count) {
        pins.setOut(n, (count === 1 ? value : (value >> (count - 1 - i)) & 1) !== 0);
      });
    },
    digitalRead: function (args: unknown[]) {
      return pins.level(gpio(number(args, 0, "pin"))) ? 1 : 0;
    },
    digitalToggle: function (args: unknown[]) {
      var n = gpio(number(args, 0, "pin"));
      pins.setOut(n, !pins.level(n));
    },
    setWatch: setWatch,
    clearWatch: function (args: unknown[]) {
      var id = number(args, 0, "id", 0);
      for (var i = 0; i < watches.length; i++) if (watches[i].id === id) return unwatch(watches[i]);
    },
    analogRead: function (args: unknown[]) {
      var n = gpio(number(args, 0, "pin"), "adc");
      pins.setMode(n, "analog");
      return pins._pin(n).analog;
    },
    analogWrite: function (args: unknown[]) {
      var n = gpio(number(args, 0, "pin"), "pwm"), duty = number(args, 1, "value", 0.5);
      number(args, 2, "frequency", 490);
      pins.setDuty(n, duty < 0 ? 0 : duty > 1 ? 1 : duty, true);
    },
    setTimeout: function (args: unknown[]) {
      return setTimer(args, false);
    },
    setInterval: function (args: unknown[]) {
      return setTimer(args, true);
    },
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    millis: function () {
      return clock.now();
    },
    micros: function () {
      return clock.now() * 1000;
    },
    /** Busy-waits: virtual time passes while the program runs. */
    delay: function (args: unknown[]) {
      clock.spend(Math.max(0, number(args, 0, "msec", 0)));
    },
    delayMicroseconds: function (args: unknown[]) {
      clock.spend(Math.max(0, number(args, 0, "usec", 0)) / 1000);
    },
  };
  var serial = serialFunctions(host);
  Object.keys(serial).forEach(function (k) {
    (functions as { [name: string]: unknown })[k] = serial[k];
  });
  return { functions: functions, values: values(board), timers: timers, prelude: kalumaSerial(board) + SECOND_STEPPING_DATE };
}

function values(board: BoardProfile): { [name: string]: unknown } {
  var led = board.leds.LED1 && board.pins[board.leds.LED1].id, b: { [k: string]: unknown } = { name: board.id };
  if (led !== undefined) b.LED = led;
  return {
    HIGH: 1,
    LOW: 0,
    INPUT: 0,
    OUTPUT: 1,
    INPUT_PULLUP: 2,
    INPUT_PULLDOWN: 3,
    LOW_LEVEL: LOW_LEVEL,
    HIGH_LEVEL: HIGH_LEVEL,
    FALLING: FALLING,
    RISING: RISING,
    CHANGE: CHANGE,
    board: b,
  };
}

export var kaluma: Runtime = {
  name: "Kaluma",
  install: install,
  uncaught: function (text) {
    return text; // jerryxx_print_error prints String(error), then the stack
  },
  budget: function (board) {
    var kb = HEAP_KB[board.chip];
    return kb
      ? { limit: kb * 1024, unit: "bytes", perBlock: BYTES_PER_BLOCK, source: "Kaluma 1.2.1's JavaScript heap on the " + board.chip }
      : { limit: Math.floor((board.memory.ramBytes * 180) / 264), unit: "bytes", perBlock: BYTES_PER_BLOCK, source: "memory.ramBytes in boards/" + board.id + ".json, as the RP2040's heap to its RAM" };
  },
};
