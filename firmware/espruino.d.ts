// Espruino's own globals the examples use until ristretto/io and
// ristretto/board arrive (the boards issue): they are Espruino-only.
declare type Pin = number | { toString(): string };
declare var LED1: Pin;
declare var LED2: Pin;
declare function digitalWrite(pin: Pin, value: boolean | number): void;
