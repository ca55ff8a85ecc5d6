// ristretto/io: pins, inputs, serial ports (package.json "exports"; see entry/host.js).
"use strict";
module.exports = require("./host")("src/io/index.js");
