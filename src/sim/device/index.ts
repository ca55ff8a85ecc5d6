// The virtual devices (Espruino, Kaluma): their REPLs over loopback TCP, code run
// in a sandbox. Host only.

export { startVirtualDevice } from "./server";
export type { VirtualDeviceServer, VirtualDeviceServerOptions } from "./server";
export { createVirtualDevice, VirtualDevice } from "./virtual-device";
export type { DeviceStorage, VirtualDeviceOptions } from "./virtual-device";
export type { DeviceClockOptions, DeviceConnection } from "./device-base";
export type { Sandbox, SandboxFactory, SandboxOptions } from "./sandbox";
export { SandboxFunction } from "./sandbox";
export { quickjsSandbox } from "./quickjs-sandbox";
export type { QuickjsSandboxOptions } from "./quickjs-sandbox";
export { createFlash } from "./storage";
export type { Flash, FlashImage, FlashStats } from "./storage";
export { deviceEnv, espruinoBoardId, ESPRUINO_VERSION } from "./env";
export { bundleSandbox } from "./bundle-sandbox";
export type { BundleLike, LoadBundle } from "./bundle-sandbox";
export { serveOnLoopback } from "./server";
export type { Servable } from "./server";
export { startKalumaDevice } from "./kaluma-server";
export type { KalumaDeviceServer } from "./kaluma-server";
export { createKalumaDevice, KalumaDevice } from "./kaluma-device";
export type { KalumaDeviceOptions } from "./kaluma-device";
export { KALUMA_VERSION } from "./kaluma-repl";
