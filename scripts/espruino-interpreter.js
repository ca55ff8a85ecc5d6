// The Espruino interpreter that npm run bench:espruino and test:espruino use:
// $ESPRUINO, or a native `espruino` on PATH (Espruino's own Linux build,
// `make BOARD=LINUX`; not the npm tools of the same name).

var childProcess = require("child_process");
var interpreter = require("./interpreter");

var ESPRUINO = {
  env: "ESPRUINO",
  command: "espruino",
  missing: "No Espruino interpreter: set ESPRUINO=/path/to/espruino (Espruino's Linux build: make BOARD=LINUX) or put it on PATH.",
  /** "2v29" or the like. */
  version: function (bin) {
    var printed = childProcess.execFileSync(bin, ["-e", "print(process.version);quit();"], { input: "", encoding: "utf8" });
    return (/\d+v\d+(\.\d+)?/.exec(printed) || ["(version unknown)"])[0];
  },
};

/** interpreter.js's setUp() for Espruino. */
function setUp(root, name) {
  return interpreter.setUp(root, name, ESPRUINO);
}

module.exports = { setUp: setUp };
