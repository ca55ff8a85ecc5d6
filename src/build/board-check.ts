// Checks an app module's use of its board, before anything runs: every name
// imported from "ristretto/board" must be one of the board's, pwm() and adc()
// need a pin that can do them, uart() a serial port the board has, and no
// pin may be claimed by two drivers (output, input, button, pwm, adc, and
// uart for its rx and tx pins). Works on the JavaScript TypeScript
// emits (ES modules); positions are mapped back by board-plugin.ts. Host only.

import acorn = require("acorn");
import type { BoardProfile, Capability } from "./board-profile";
import { boardNames, boardPorts, boardTitle, isPortName, portMessage } from "./boards";
import type { BoardName } from "./boards";
import { eachNode } from "./lower";
import type { Node } from "./lower";

/** What each driver of ristretto/io needs of its pin. */
var NEEDS: { [fn: string]: Capability } = { output: "digital", input: "digital", button: "digital", pwm: "pwm", adc: "adc" };
var CAP_NAME: { [cap: string]: string } = { digital: "digital in/out", pwm: "PWM", adc: "analog input" };

export interface Claim {
  /** "output(LED1)" */
  what: string;
  pin: string;
  line: number;
  column: number;
}

export interface BoardFinding {
  message: string;
  line: number;
  column: number;
}

function parseModule(code: string): Node {
  return acorn.parse(code, { ecmaVersion: 2020, sourceType: "module", locations: true }) as Node;
}

function at(n: Node): { line: number; column: number } {
  return { line: n.loc!.start.line, column: n.loc!.start.column };
}

/** "LED1 (D5)" or "D5". */
function label(n: BoardName): string {
  return n.name === n.pin ? n.name : n.name + " (" + n.pin + ")";
}

export function boardCheck(code: string, p: BoardProfile): { findings: BoardFinding[]; claims: Claim[] } {
  var names: { [name: string]: BoardName } = {}, all = boardNames(p), ports: { [name: string]: boolean } = {};
  boardPorts(p).forEach(function (u) {
    ports[u.name] = true;
  });
  all.forEach(function (n) {
    names[n.name] = n;
  });
  var findings: BoardFinding[] = [], claims: Claim[] = [];
  var portNames: { [local: string]: string } = {};
  var pins: { [local: string]: BoardName } = {}, drivers: { [local: string]: string } = {}, spaces: { [local: string]: string } = {};
  var ast = parseModule(code);
  var reported: { [pos: number]: boolean } = {};
  function unknown(name: string, node: Node) {
    var where = at(node);
    if (reported[node.start]) return; // board.X as a call's argument is seen twice
    reported[node.start] = true;
    var message = isPortName(name) ? portMessage(name, p) : name + " is not a pin of " + boardTitle(p) + ". Its pins: " + all.map((n) => n.name).join(", ");
    findings.push({ message: message, line: where.line, column: where.column });
  }
  ast.body.forEach(function (d: Node) {
    if (d.type !== "ImportDeclaration" || (d.source.value !== "ristretto/board" && d.source.value !== "ristretto/io")) return;
    var board = d.source.value === "ristretto/board";
    d.specifiers.forEach(function (s: Node) {
      if (s.type === "ImportNamespaceSpecifier") spaces[s.local.name] = d.source.value;
      else if (s.type !== "ImportSpecifier") return;
      else if (!board) drivers[s.local.name] = s.imported.name;
      else if (s.imported.name === "buttonWiring" || s.imported.name === "UART_BUFFER_BYTES" || s.imported.name === "optional") return;
      else if (ports.hasOwnProperty(s.imported.name)) portNames[s.local.name] = s.imported.name;
      else if (!names.hasOwnProperty(s.imported.name)) unknown(s.imported.name, s);
      else pins[s.local.name] = names[s.imported.name];
    });
  });
  /** The board name an expression is (LED1, board.LED1), if it is one. */
  function pinOf(n: Node): BoardName | undefined {
    if (n.type === "Identifier" && pins.hasOwnProperty(n.name)) return pins[n.name];
    if (n.type === "MemberExpression" && !n.computed && n.object.type === "Identifier" && spaces[n.object.name] === "ristretto/board") {
      if (names.hasOwnProperty(n.property.name)) return names[n.property.name];
      if (ports.hasOwnProperty(n.property.name)) return undefined;
      unknown(n.property.name, n.property);
    }
    return undefined;
  }
  /** The serial port an expression is (SERIAL1, board.SERIAL1), if it is one. */
  function portOf(n: Node): string | undefined {
    if (n.type === "Identifier" && portNames.hasOwnProperty(n.name)) return portNames[n.name];
    if (n.type === "MemberExpression" && !n.computed && n.object.type === "Identifier" && spaces[n.object.name] === "ristretto/board" && ports.hasOwnProperty(n.property.name)) return n.property.name;
    return undefined;
  }
  /** uart(port, options) claims the port's rx and tx pins, or those its options name instead (when they are the board's names). */
  function claimPort(n: Node, port: string): void {
    var where = at(n), u = p.uarts[port], o = n.arguments[1], pick: { [k: string]: string | undefined } = { rx: u.rx, tx: u.tx };
    if (o && o.type === "ObjectExpression") {
      o.properties.forEach(function (q: Node) {
        var k = q.key && (q.key.name || q.key.value);
        if (k !== "rx" && k !== "tx") return;
        var named = pinOf(q.value);
        pick[k] = named ? named.pin : undefined; // a pin in a variable: left to the run time
      });
    }
    ["rx", "tx"].forEach(function (k) {
      if (pick[k]) claims.push({ what: "uart(" + port + ")", pin: pick[k]!, line: where.line, column: where.column });
    });
  }
  function driverOf(n: Node): string | undefined {
    if (n.type === "Identifier" && drivers.hasOwnProperty(n.name)) return drivers[n.name];
    if (n.type === "MemberExpression" && !n.computed && n.object.type === "Identifier" && spaces[n.object.name] === "ristretto/io") return n.property.name;
    return undefined;
  }
  eachNode(ast, function (n) {
    if (n.type === "MemberExpression") pinOf(n); // reports board.NOPE wherever it is
    if (n.type !== "CallExpression" || !n.arguments.length) return;
    var fn = driverOf(n.callee), pin = pinOf(n.arguments[0]), port = portOf(n.arguments[0]);
    if (fn === "uart" && port) return claimPort(n, port);
    if (fn === "uart" && pin) {
      var w = at(n);
      findings.push({ message: "uart(" + pin.name + "): " + label(pin) + " is a pin, not a serial port. Serial ports of " + boardTitle(p) + ": " + (Object.keys(ports).join(", ") || "none"), line: w.line, column: w.column });
      return;
    }
    if (!fn || !NEEDS.hasOwnProperty(fn) || !pin) return;
    var where = at(n), need = NEEDS[fn], what = fn + "(" + pin.name + ")";
    if (pin.caps.indexOf(need) < 0) {
      var can = all.filter((x) => x.name === x.pin && x.caps.indexOf(need) >= 0).map((x) => x.name);
      findings.push({
        message: what + ": " + label(pin) + " of " + boardTitle(p) + " has no " + CAP_NAME[need] + ". Pins with " + CAP_NAME[need] + ": " + (can.join(", ") || "none"),
        line: where.line,
        column: where.column,
      });
    }
    claims.push({ what: what, pin: pin.pin, line: where.line, column: where.column });
  });
  return { findings: findings, claims: claims };
}
