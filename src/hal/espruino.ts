// The HAL on Espruino's globals (espruino.com/Reference). Device code.

import type { Hal, PinId, PinMode } from "./hal";

declare function pinMode(pin: PinId, mode: string): void;
declare function digitalWrite(pin: PinId, value: boolean): void;
declare function digitalRead(pin: PinId): number;
declare function setWatch(fn: () => void, pin: PinId, options: { repeat: boolean; edge: string; debounce: number }): unknown;
declare function clearWatch(id: unknown): void;
declare function analogWrite(pin: PinId, duty: number, options: { freq: number }): void;
declare function analogRead(pin: PinId): number;

export var hal: Hal = {
  mode: function (pin: PinId, mode: PinMode) {
    pinMode(pin, mode); // Espruino's mode names are ours
  },
  write: function (pin: PinId, high: boolean) {
    digitalWrite(pin, high);
  },
  read: function (pin: PinId) {
    return !!digitalRead(pin);
  },
  watch: function (pin: PinId, fn: () => void) {
    // debounce 0: Espruino debounces a board's own buttons by 25 ms unless told
    // otherwise; ristretto/io debounces, the same way on every runtime.
    return setWatch(fn, pin, { repeat: true, edge: "both", debounce: 0 });
  },
  unwatch: function (id: unknown) {
    clearWatch(id);
  },
  pwm: function (pin: PinId, duty: number, freq: number) {
    analogWrite(pin, duty, { freq: freq });
  },
  adc: function (pin: PinId) {
    return analogRead(pin);
  },
};
