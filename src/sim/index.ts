// ristretto/sim: the simulated board, for tests and for trying firmware
// without hardware. Host only.

export { createSim, Sim } from "./create-sim";
export type { ConsoleLine, DoubleClickOptions, PressOptions, RampOptions, SimError, SimPin } from "./sim-base";
