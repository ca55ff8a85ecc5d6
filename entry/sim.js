// ristretto/sim: the simulated board (package.json "exports"; see entry/host.js).
"use strict";
module.exports = require("./host")("src/sim/index.js");
