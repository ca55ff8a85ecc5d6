// The serial ports of the board being built for. This file is the host's
// default (the simulator); the device build resolves it to the adapter of the
// profile's runtime (src/build/resolve-plugin.ts), as it does current.ts.
// Device code.

export { uartHal } from "./sim-uart";
