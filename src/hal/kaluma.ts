// The HAL on Kaluma's globals (kalumajs.org/docs/api/digital-io, analog-io;
// checked against Kaluma 1.2.1's src/global.c). Device code.

import type { Hal, PinId, PinMode } from "./hal";

declare function pinMode(pin: PinId, mode: number): void;
declare function digitalWrite(pin: PinId, value: number): void;
declare function digitalRead(pin: PinId): number;
declare function setWatch(fn: () => void, pin: PinId, events: number): unknown;
declare function clearWatch(id: unknown): void;
declare function analogWrite(pin: PinId, duty: number, freq: number): void;
declare function analogRead(pin: PinId): number;

// Kaluma's INPUT, OUTPUT, INPUT_PULLUP, INPUT_PULLDOWN; an analog pin needs no mode.
var MODES: { [mode: string]: number } = { input: 0, output: 1, input_pullup: 2, input_pulldown: 3 };
var CHANGE = 12; // RISING (8) | FALLING (4)

export var hal: Hal = {
  mode: function (pin: PinId, mode: PinMode) {
    if (mode !== "analog") pinMode(pin, MODES[mode]);
  },
  write: function (pin: PinId, high: boolean) {
    digitalWrite(pin, high ? 1 : 0);
  },
  read: function (pin: PinId) {
    return !!digitalRead(pin);
  },
  watch: function (pin: PinId, fn: () => void) {
    return setWatch(fn, pin, CHANGE);
  },
  unwatch: function (id: unknown) {
    clearWatch(id);
  },
  pwm: function (pin: PinId, duty: number, freq: number) {
    analogWrite(pin, duty, freq);
  },
  adc: function (pin: PinId) {
    return analogRead(pin);
  },
};
