// ristretto/io: pins as objects, inputs and serial ports as awaitables. Every wait is woken by
// a watch on the pin (no polling) and releases it when it ends or is cancelled.
// What the runtimes give the scheduler, for a project that imports the package:
/// <reference path="../core/runtime.d.ts" />

export { output, Output } from "./output";
export { input, Input } from "./input";
export type { InputOptions, Pull } from "./input";
export { button, Button } from "./button";
export type { ButtonOptions } from "./button";
export { pwm, Pwm } from "./pwm";
export { adc, Adc } from "./adc";
export { every } from "./every";
export { uart, Uart, OverrunError, EOFError } from "./uart";
export type { UartOptions } from "./uart";
export type { Pin, PwmPin, AdcPin, Port } from "./pin";
