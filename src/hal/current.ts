// The HAL adapter of the board being built for. This file is the host's
// default (the simulator); the device build resolves it to the adapter of the
// profile's runtime (src/build/resolve-plugin.ts). Its exports are the Hal's functions. Device code.

export { mode, write, read, watch, unwatch, pwm, adc } from "./sim";
