// A native interpreter for the device scripts (test:espruino, bench:espruino,
// test:jerryscript): the path an environment variable names, or a native
// executable of the command's name on PATH (not an npm tool of the same name).

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
function findInterpreter(spec) {
  if (process.env[spec.env]) return process.env[spec.env];
  var dirs = (process.env.PATH || "").split(path.delimiter);
  for (var i = 0; i < dirs.length; i++) {
    var f = path.join(dirs[i], spec.command);
    if (isNative(f)) return f;
  }
  return "";
}

/**
 * What a device script needs to start: the interpreter `spec` describes ({ env, command, missing, version(bin) }) and
 * its version, the device build (compiled, in .build/) and a scratch folder named for `name`; null, having said in
 * one line what is missing, when there is no interpreter.
 */
function setUp(root, name, spec) {
  var bin = findInterpreter(spec);
  if (!bin) {
    console.log(spec.missing);
    return null;
  }
  require(path.join(root, ".build/src/sim/host-resolve.js"));
  return {
    bin: bin,
    version: spec.version(bin),
    build: require(path.join(root, ".build/src/build/build.js")).build,
    out: fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-" + name + "-")),
  };
}

module.exports = { setUp: setUp };
