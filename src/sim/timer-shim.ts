// Timers and a clock for the engines under test, in virtual time, written in
// plain ES5 and evaluated inside each engine: the same host loop drives the
// framework and the baseline. __fire(limit) fires the earliest timer due at
// or before `limit` (virtual ms) and says whether it fired one. Also the one
// call of Espruino's E that a bundle for it makes first, E.setFlags()
// (src/build/espruino-flags-plugin.ts).
export var SHIM = [
  "var __now = 0, __timers = [], __seq = 0;",
  "Date.now = function () { return __now; };",
  "function setTimeout(fn, ms) { var t = { at: __now + (ms > 0 ? ms : 0), seq: __seq++, fn: fn }, i = __timers.length;",
  "  while (i > 0 && (__timers[i - 1].at > t.at)) i--; __timers.splice(i, 0, t); return t; }",
  "function clearTimeout(t) { var i = __timers.indexOf(t); if (i >= 0) __timers.splice(i, 1); }",
  "function __fire(limit) { var t = __timers[0]; if (!t || t.at > limit) return false; __timers.shift();",
  "  if (t.at > __now) __now = t.at; t.fn(); return true; }",
  "var E = { setFlags: function () {} };",
  "var console = { log: function () { var a = []; for (var i = 0; i < arguments.length; i++) a.push(String(arguments[i])); __print(a.join(' ')); } };",
].join("\n");
