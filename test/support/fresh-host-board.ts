// A root hook plugin (.mocharc.js): every test file starts on the host's
// default board, whatever board the file before it in the same mocha worker
// selected with createSim(board). In parallel mode a root beforeAll runs
// before each file; run serially, once.

import { selectBoard } from "../../src/sim/board-module";

export var mochaHooks = {
  beforeAll: function (): void {
    selectBoard(process.env.RISTRETTO_BOARD || "sim");
  },
};
