// The hardware abstraction: what ristretto/io asks of a board's runtime. One
// adapter per runtime (espruino.ts, kaluma.ts, sim.ts); the build picks it by
// the board profile's runtime (current.ts). Time and timers are not here: the
// loop's clock (core/clock.ts) is Date.now and setTimeout, which every
// runtime has.
//
// An adapter exports the Hal's functions one by one, so that a device build
// calls them directly, and an adapter may give a runtime's own function as one.

/** What a runtime's pin functions take: Espruino's pin name ("D5"), Kaluma's GPIO number. */
export type PinId = string | number;

export type PinMode = "output" | "input" | "input_pullup" | "input_pulldown" | "analog";

export interface Hal {
  mode(pin: PinId, mode: PinMode): void;
  /** Drives the pin high for `true` or 1, low for `false` or 0. */
  write(pin: PinId, high: boolean | number): void;
  read(pin: PinId): boolean;
  /**
   * Calls `fn` from the runtime's event queue at every level change of the
   * pin, until unwatch(the returned id). No debouncing: io does that alike on
   * every runtime.
   */
  watch(pin: PinId, fn: () => void): unknown;
  unwatch(id: unknown): void;
  /** Hardware PWM: `duty` from 0 to 1 at `freq` Hz. */
  pwm(pin: PinId, duty: number, freq: number): void;
  /** An analog reading from 0 to 1. */
  adc(pin: PinId): number;
}
