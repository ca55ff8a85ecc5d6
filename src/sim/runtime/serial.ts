// The serial ports a bundle's runtime gives it, on the simulation's wires
// (src/hal/sim-uart.ts's UartWire, one per port of the profile): three host
// functions, and sandbox code (each runtime's prelude) that builds the
// runtime's own objects on them: Espruino's Serial1... and Kaluma's
// require("uart").UART. Host only.

import { boardPorts } from "../../build/boards";
import type { BoardProfile } from "../../build/board-profile";
import type { RuntimeHost } from "./runtime";
import type { HostFunction } from "./sandbox";
import { SandboxFunction } from "./sandbox";

/** __uartOpen(port, baud, fn), __uartWriteEscaped(port, escape(bytes)), __uartClose(port): `port` is the profile's name (SERIAL1, UART0). */
export function serialFunctions(host: RuntimeHost): { [name: string]: HostFunction } {
  var callbacks: { [port: string]: SandboxFunction } = {};
  function close(port: string): void {
    host.uarts.port(port).close();
    if (callbacks[port]) callbacks[port].release();
    delete callbacks[port];
  }
  return {
    __uartOpen: function (args: unknown[]) {
      var port = String(args[0]), fn = (args[2] as SandboxFunction).keep();
      close(port);
      callbacks[port] = fn;
      host.uarts.port(port).open(Number(args[1]), function (bytes: string) {
        host.invoke(fn, [bytes], "a serial data callback");
      });
    },
    __uartWriteEscaped: function (args: unknown[]) {
      // escape()d in the sandbox: QuickJS hands strings over as C strings, which end at a NUL byte
      host.uarts.port(String(args[0])).write(unescape(String(args[1])));
    },
    __uartClose: function (args: unknown[]) {
      close(String(args[0]));
    },
  };
}

function wrap(body: string[]): string {
  return ["(function (g, open, write, close) {"]
    .concat(body.map((l) => "  " + l))
    .concat(["})(globalThis, __uartOpen, (function (w) { return function (port, s) { w(port, escape(s)); }; })(__uartWriteEscaped), __uartClose);", "delete globalThis.__uartOpen;", "delete globalThis.__uartWriteEscaped;", "delete globalThis.__uartClose;"])
    .join("\n");
}

/**
 * Espruino's Serial objects (src/jswrap_serial.c): setup(baud, options)
 * (default 9600), on("data", fn) with a string per chunk,
 * removeAllListeners, write() of strings, numbers (a byte) and arrays of
 * them, print, println, unsetup. Not modelled: the console moving to a port.
 */
export function espruinoSerial(board: BoardProfile): string {
  var body = [
    "function Serial(port) { this._port = port; this._l = []; this._open = false; }",
    "function bytes(d) { if (typeof d === 'number') return String.fromCharCode(d & 255); if (typeof d === 'string') return d; var s = ''; for (var i = 0; i < d.length; i++) s += bytes(d[i]); return s; }",
    "Serial.prototype.setup = function (baud, options) { var self = this; if (this._open) close(this._port); open(this._port, baud || 9600, function (d) { var l = self._l.slice(); for (var i = 0; i < l.length; i++) l[i](d); }); this._open = true; };",
    "Serial.prototype.on = function (event, fn) { if (event === 'data') this._l.push(fn); };",
    "Serial.prototype.removeAllListeners = function (event) { if (event === undefined || event === 'data') this._l = []; };",
    "Serial.prototype.write = function () { for (var i = 0; i < arguments.length; i++) write(this._port, bytes(arguments[i])); };",
    "Serial.prototype.print = function (s) { write(this._port, String(s)); };",
    "Serial.prototype.println = function (s) { write(this._port, String(s) + '\\r\\n'); };",
    "Serial.prototype.unsetup = function () { if (this._open) close(this._port); this._open = false; };",
  ];
  boardPorts(board).forEach(function (u) {
    body.push("g." + String(u.device) + " = new Serial(" + JSON.stringify(u.name) + ");");
  });
  return wrap(body);
}

/**
 * Kaluma's uart module (1.2.1's src/modules/uart/uart.js, module_uart.c):
 * require("uart").UART, new UART(port, { baudrate }) (default 9600), a
 * Uint8Array per "data" event, write() of a Uint8Array or a string, close().
 */
export function kalumaSerial(board: BoardProfile): string {
  var ports: { [n: string]: string } = {};
  boardPorts(board).forEach(function (u) {
    ports[String(u.device)] = u.name;
  });
  return wrap([
    "var PORTS = " + JSON.stringify(ports) + ";",
    "function UART(port, options) {",
    "  var self = this, name = PORTS[port];",
    "  options = options || {};",
    "  if (name === undefined) throw new Error('UART port setup failed');",
    "  this._name = name; this._l = [];",
    "  open(name, options.baudrate || 9600, function (s) { var a = new Uint8Array(s.length); for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i); var l = self._l.slice(); for (i = 0; i < l.length; i++) l[i](a); });",
    "}",
    "UART.prototype.on = function (event, fn) { if (event === 'data') this._l.push(fn); return this; };",
    "UART.prototype.write = function (data) {",
    "  var s = '';",
    "  if (typeof data === 'string') s = data;",
    "  else if (data instanceof Uint8Array) for (var i = 0; i < data.length; i++) s += String.fromCharCode(data[i]);",
    "  else throw new TypeError('The data argument must be Uint8Array or string.');",
    "  write(this._name, s);",
    "};",
    "UART.prototype.close = function () { close(this._name); };",
    "g.require = function (m) { if (m === 'uart') return { UART: UART }; throw new Error('Module ' + m + ' not found'); };",
  ]);
}
