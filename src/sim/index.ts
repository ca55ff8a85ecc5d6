// ristretto/sim: the simulated board, for tests and for trying firmware
// without hardware. Host only.
// What the runtimes give the scheduler, for a project that imports the package:
/// <reference path="../core/runtime.d.ts" />

export { createSim, Sim } from "./create-sim";
// Which board "ristretto/board" means on the host, without a simulation (createSim(board) also sets it).
export { selectBoard } from "./board-module";
export type { ConsoleLine, DoubleClickOptions, PressOptions, RampOptions, SendOptions, SimError, SimPin, SimUart } from "./sim-base";
// The artifact run: a built bundle in QuickJS on its board's runtime globals.
export { BundleSim, loadBundle, loadBundleFile } from "./bundle-sim";
export type { BundleMemory, BundleOptions } from "./bundle-sim";
// The virtual device: Espruino's REPL on a loopback TCP port, for the espruino tools.
export { bundleSandbox, startVirtualDevice } from "./device";
export type { VirtualDeviceServer, VirtualDeviceServerOptions } from "./device";
// The virtual Kaluma device: Kaluma's REPL, .flash and YMODEM on a loopback TCP port, for ristretto flash.
export { startKalumaDevice } from "./device";
export type { KalumaDeviceServer, KalumaDeviceOptions } from "./device";
