// The Espruino interpreter that npm run bench:espruino and test:espruino use:
// $ESPRUINO, or a native `espruino` on PATH (Espruino's own Linux build,
// `make BOARD=LINUX`; not the npm tools of the same name).

var childProcess = require("child_process");
var fs = require("fs");
var os = require("os");
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

/**
 * What a script of these needs to start: the interpreter and its version,
 * the device build (compiled, in .build/) and a scratch folder named for
 * `name`; null, having said so, when there is no interpreter.
 */
function setUp(root, name) {
  var bin = findInterpreter();
  if (!bin) {
    console.log(MISSING);
    return null;
  }
  require(path.join(root, ".build/src/sim/host-resolve.js"));
  return {
    bin: bin,
    version: versionOf(bin),
    build: require(path.join(root, ".build/src/build/build.js")).build,
    out: fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-" + name + "-")),
  };
}

module.exports = { setUp: setUp };
