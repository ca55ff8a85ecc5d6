// The bundle simulator (bundle-sim.ts: a board's full runtime in QuickJS)
// as the virtual device's sandbox. Give it loadBundle:
//
//   startVirtualDevice({ board: "espruino-pico", sandbox: bundleSandbox(loadBundle) })
//
// Each boot loads an empty bundle (the device starts with nothing in RAM);
// print() lines go to the REPL; process.memory() reports the simulator's
// estimate of Espruino variables; device.currentSandbox().bundle is the
// BundleSim running now (pins, traces). Host only.
//
// No memory limit unless one is given: the REPL's own globals, and bundles
// read out of Storage into the engine (on a board they stay in flash), would
// count against the board's budget here though they cost a board nothing.

import type { Sandbox, SandboxFactory } from "./sandbox";

/** What the device needs of a BundleSim. */
export interface BundleLike {
  eval(code: string, file?: string): unknown;
  advance(ms: number): Promise<void>;
  /** Espruino variables in use (BundleSim.memory()). */
  memory(): { used: number };
  dispose(): void;
}

/** BundleSim's errors: the message is the engine's, `thrown.text` has the name too ("ReferenceError: ..."). */
type Thrown = { thrown?: { text?: unknown; interrupted?: boolean; outOfMemory?: boolean } };

export type LoadBundle = (boardId: string, code: string, options: { print: (line: string) => void; memoryLimit?: number }) => Promise<BundleLike>;

export function bundleSandbox(load: LoadBundle, options?: { memoryLimit?: number }): SandboxFactory {
  return function (o) {
    return load(o.board.id, "", { print: o.print, memoryLimit: options && options.memoryLimit !== undefined ? options.memoryLimit : Infinity }).then(function (sim): Sandbox & { bundle: BundleLike } {
      return {
        /** The simulation itself: its pins, traces and console (device.currentSandbox()). */
        bundle: sim,
        // The device prints "Uncaught " + the message: BundleSim keeps the error's name apart (e.thrown.text has both).
        eval: function (code, file) {
          try {
            return sim.eval(code, file);
          } catch (e) {
            var t = e ? (e as Thrown).thrown : undefined;
            if (!t || typeof t.text !== "string" || t.outOfMemory) throw e;
            throw new Error(t.interrupted ? "interrupted" : t.text);
          }
        },
        advance: function (ms) {
          return sim.advance(ms);
        },
        // process.memory() counts 16-byte blocks: one per variable.
        memory: function () {
          return sim.memory().used * 16;
        },
        dispose: function () {
          sim.dispose();
        },
      };
    });
  };
}
