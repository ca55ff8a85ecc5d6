// The timed-wake probe of npm run bench:espruino (bench/espruino/wakes.ts),
// counted in machine instructions under valgrind: each side alone
// (PROBE_ONLY), less a run with neither. The bundle gets a clock of its own:
// Date.now gives a virtual time, and setTimeout and clearTimeout are a queue
// in JavaScript that a loop after the bundle runs in time order. With real
// timers the interpreter's idle loop waits out each delay, and what it counts
// meanwhile depends on the machine (1.3% between a quiet and a busy one).

var fs = require("fs");
var countInstructions = require("./valgrind-count").countInstructions;

var CLOCK =
  "var __now=0,__q=[],__id=0;Date.now=function(){return __now};" +
  "function __st(f,ms){var t={f:f,at:__now+(ms>0?ms:0),id:++__id},i=__q.length;while(i>0&&__q[i-1].at>t.at)i--;__q.splice(i,0,t);return t.id}" +
  "function __ct(id){for(var i=0;i<__q.length;i++)if(__q[i].id===id){__q.splice(i,1);return}}\n";
var DRAIN = "\nwhile(__q.length){var __t=__q.shift();__now=__t.at;__t.f()}\n";

/** Instructions a timed wake costs with ristretto and with hand-written callbacks, as one line. */
function wakeCounts(bin, bundle, flashed) {
  var rounds = 100, wakes = 10 * rounds, code = fs.readFileSync(bundle, "utf8"), timed = bundle.replace(/\.js$/, ".timed.js");
  var text = code.replace(/\bsetTimeout\b/g, "__st").replace(/\bclearTimeout\b/g, "__ct");
  if (text === code) return "timed wakes: the bundle names no setTimeout to replace; not counted";
  fs.writeFileSync(timed, text);
  function count(only) {
    return countInstructions(bin, timed, only, rounds, CLOCK, DRAIN, flashed);
  }
  var none = count("none"), perWake = (count("wakes") - none) / wakes, perCallback = (count("anchor") - none) / wakes;
  return "timed wakes by instruction count (valgrind, " + (flashed ? "as flashed, " : "") + "10 tasks x " + rounds + " sleeps of 1-4 ms): " + Math.round(perWake) + " a wake, " + Math.round(perCallback) + " a setTimeout callback, ratio " + (perCallback / perWake).toFixed(2);
}

module.exports = { wakeCounts: wakeCounts };
