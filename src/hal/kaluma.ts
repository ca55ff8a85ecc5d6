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

export function mode(pin: PinId, mode: PinMode): void {
  if (mode !== "analog") pinMode(pin, MODES[mode]);
}

export function write(pin: PinId, high: boolean | number): void {
  digitalWrite(pin, high ? 1 : 0);
}

export function read(pin: PinId): boolean {
  return !!digitalRead(pin);
}

export function watch(pin: PinId, fn: () => void): unknown {
  return setWatch(fn, pin, CHANGE);
}

export var unwatch: Hal["unwatch"] = clearWatch;

export function pwm(pin: PinId, duty: number, freq: number): void {
  analogWrite(pin, duty, freq);
}

export var adc: Hal["adc"] = analogRead;
