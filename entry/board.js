// ristretto/board: the pins of the board selected on the host (package.json "exports"; see entry/host.js).
"use strict";
module.exports = require("./host")("src/sim/board-module.js");
