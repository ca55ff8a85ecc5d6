// The HAL on Espruino's globals (espruino.com/Reference). Device code.

import type { Hal, PinId } from "./hal";

declare function pinMode(pin: PinId, mode: string): void;
declare function digitalWrite(pin: PinId, value: boolean): void;
declare function digitalRead(pin: PinId): number;
declare function setWatch(fn: () => void, pin: PinId, options: { repeat: boolean; edge: string; debounce: number }): unknown;
declare function clearWatch(id: unknown): void;
declare function analogWrite(pin: PinId, duty: number, options: { freq: number }): void;
declare function analogRead(pin: PinId): number;

// Where an Espruino function takes what the HAL's does, it is the HAL's own: a
// wrapper would cost its text and its variables, and a call through it a call.
export var mode: Hal["mode"] = pinMode; // Espruino's mode names are ours
export var write: Hal["write"] = digitalWrite;
export var unwatch: Hal["unwatch"] = clearWatch;
export var adc: Hal["adc"] = analogRead;

export function read(pin: PinId): boolean {
  return !!digitalRead(pin);
}

export function watch(pin: PinId, fn: () => void): unknown {
  return setWatch(fn, pin, { repeat: true, edge: "both", debounce: 0 });
}

export function pwm(pin: PinId, duty: number, freq: number): void {
  analogWrite(pin, duty, { freq: freq });
}
