// The HAL adapter of the board being built for. This file is the host's
// default (the simulator); the device build resolves it to the adapter of the
// profile's runtime (src/build/board-plugin.ts). Device code.

export { hal } from "./sim";
