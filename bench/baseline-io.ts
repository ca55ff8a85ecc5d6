// The baseline "ristretto/io" for the benchmark's bundle sizes: what the
// examples use, written directly on Espruino's globals and the native
// Promise, as one would by hand.

import type { Pin } from "../src/io/pin";

declare function digitalWrite(pin: Pin, value: boolean): void;

export function output(pin: Pin) {
  var on = false;
  function write(v: boolean) {
    digitalWrite(pin, (on = v));
  }
  write(false);
  return {
    write: write,
    toggle: function () {
      write(!on);
    },
  };
}

/** fn every ms, on absolute deadlines, until it returns false. */
export function every(ms: number, fn: (n: number) => unknown): Promise<void> {
  var due = Date.now(), n = 0;
  return new Promise<void>(function (resolve) {
    (function tick() {
      if (fn(n++) === false) return resolve();
      due += ms;
      setTimeout(tick, Math.max(0, due - Date.now()));
    })();
  });
}
