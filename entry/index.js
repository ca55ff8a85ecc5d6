// ristretto: the scheduler and its functions (package.json "exports"; see entry/host.js).
"use strict";
module.exports = require("./host")("src/index.js");
