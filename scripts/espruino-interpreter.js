// The Espruino interpreter that npm run bench:espruino and test:espruino use:
// $ESPRUINO, or a native `espruino` on PATH (Espruino's own Linux build,
// `make BOARD=LINUX`; not the npm tools of the same name).

var childProcess = require("child_process");
var fs = require("fs");
var path = require("path");

function isNative(file) {
  try {
    var fd = fs.openSync(file, "r"), head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    return head.toString("latin1") === "\x7fELF";
  } catch (e) {
    return false;
  }
}

/** Its path, or "" when there is none. */
function findInterpreter() {
  if (process.env.ESPRUINO) return process.env.ESPRUINO;
  var dirs = (process.env.PATH || "").split(path.delimiter);
  for (var i = 0; i < dirs.length; i++) {
    var f = path.join(dirs[i], "espruino");
    if (isNative(f)) return f;
  }
  return "";
}

var MISSING = "No Espruino interpreter: set ESPRUINO=/path/to/espruino (Espruino's Linux build: make BOARD=LINUX) or put it on PATH.";

/** "2v29" or the like. */
function versionOf(bin) {
  var printed = childProcess.execFileSync(bin, ["-e", "print(process.version);quit();"], { input: "", encoding: "utf8" });
  return (/\d+v\d+(\.\d+)?/.exec(printed) || ["(version unknown)"])[0];
}

module.exports = { findInterpreter: findInterpreter, MISSING: MISSING, versionOf: versionOf };
