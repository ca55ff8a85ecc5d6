// Board profiles: boards/<id>.json, read and checked. A profile that does not
// match boards/schema.json, repeats a key, or names a pin it lacks is an error
// naming the file, the line and the field. Host only.

import crypto = require("crypto");
import fs = require("fs");
import path = require("path");
import type { ErrorObject, ValidateFunction } from "ajv";
import { parseExpressionAt } from "acorn";
import type { BoardProfile, Capability } from "./board-profile";

/** A name firmware imports from ristretto/board: a pin, an LED or a button. */
export interface BoardName {
  name: string;
  /** The pin it is (its own name for a pin, the wired pin for LED1 or BTN1). */
  pin: string;
  caps: Capability[];
  /** What the runtime's functions take for it. */
  value: string | number;
}

/** A serial port firmware may import from ristretto/board (SERIAL1, UART0). */
export interface BoardPort {
  name: string;
  /** What the runtime's serial functions take: Espruino's object name ("Serial1"), Kaluma's port number, the simulator's port name. */
  device: string | number;
  /** The default pins as the runtime's functions take them (null: none). */
  rx: string | number | null;
  tx: string | number | null;
  /** The pins' names on the board ("B7"), for messages. */
  rxPin?: string;
  txPin?: string;
}

export function boardsDir(root: string): string {
  return path.join(root, "boards");
}

export function boardIds(root: string): string[] {
  return fs
    .readdirSync(boardsDir(root))
    .filter(function (f) {
      return /\.json$/.test(f) && f !== "schema.json";
    })
    .map(function (f) {
      return f.slice(0, -5);
    })
    .sort();
}

var cache: { [file: string]: { mtime: number; profile: BoardProfile } } = {};

/** The profile of board `id`; errors name the known boards, or the file and field at fault. */
export function loadBoard(id: string, root: string): BoardProfile {
  var ids = boardIds(root);
  if (ids.indexOf(id) < 0) throw new Error('Unknown board "' + id + '". Known boards: ' + ids.join(", "));
  var file = path.join(boardsDir(root), id + ".json"), mtime = fs.statSync(file).mtimeMs;
  if (cache[file] && cache[file].mtime === mtime) return cache[file].profile;
  var text = fs.readFileSync(file, "utf8"), schema = fs.readFileSync(path.join(boardsDir(root), "schema.json"), "utf8");
  // A text checked before against the same schema passes again: it is only parsed (checking takes ajv a while, and a build reads every profile).
  var passed = path.join(root, ".build/boards-checked", crypto.createHash("sha256").update(schema).update("\0").update(text).digest("hex").slice(0, 32));
  var profile = fs.existsSync(passed) ? (JSON.parse(text) as BoardProfile) : checkProfile(path.relative(root, file), text, JSON.parse(schema));
  remember(passed);
  cache[file] = { mtime: mtime, profile: profile };
  return profile;
}

/** Leaves the mark that a profile's text passed; nothing when it cannot (a read-only install checks each time). */
function remember(mark: string): void {
  try {
    if (fs.existsSync(mark)) return;
    fs.mkdirSync(path.dirname(mark), { recursive: true });
    fs.writeFileSync(mark, "");
  } catch (e) {
    return;
  }
}

export function readSchema(root: string): object {
  return JSON.parse(fs.readFileSync(path.join(boardsDir(root), "schema.json"), "utf8"));
}

interface JsonNode {
  type: string;
  start: number;
  properties?: { key: { value?: string; name?: string; start: number }; value: JsonNode }[];
  elements?: JsonNode[];
}

/** Line of each JSON pointer in the text ("/pins/D5/caps/0"), and the first key found twice. */
function locate(text: string): { lines: { [pointer: string]: number }; duplicate?: { pointer: string; line: number } } {
  var lines: { [pointer: string]: number } = {}, duplicate: { pointer: string; line: number } | undefined;
  function lineAt(pos: number): number {
    return text.slice(0, pos).split("\n").length;
  }
  function walk(n: JsonNode, pointer: string): void {
    lines[pointer] = lineAt(n.start);
    if (n.type === "ObjectExpression") {
      var seen: { [k: string]: boolean } = {};
      n.properties!.forEach(function (p) {
        var k = String(p.key.value !== undefined ? p.key.value : p.key.name), ptr = pointer + "/" + k;
        if (seen.hasOwnProperty(k) && !duplicate) duplicate = { pointer: ptr, line: lineAt(p.key.start) };
        seen[k] = true;
        walk(p.value, ptr);
        lines[ptr] = lineAt(p.key.start);
      });
    } else if (n.type === "ArrayExpression") {
      n.elements!.forEach(function (e, i) {
        walk(e, pointer + "/" + i);
      });
    }
  }
  walk(parseExpressionAt(text, 0, { ecmaVersion: 5 }) as unknown as JsonNode, "");
  return { lines: lines, duplicate: duplicate };
}

/** "pins.D5.caps[0]" for "/pins/D5/caps/0". */
function fieldName(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map(function (p, i) {
      return /^\d+$/.test(p) ? "[" + p + "]" : (i ? "." : "") + p;
    })
    .join("");
}

function schemaMessage(e: ErrorObject): { pointer: string; message: string } {
  var p = e.params as { additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string };
  if (p.additionalProperty) return { pointer: e.instancePath + "/" + p.additionalProperty, message: "is not a field here (a typo?)" };
  if (p.missingProperty) return { pointer: e.instancePath + "/" + p.missingProperty, message: "is missing" };
  return { pointer: e.instancePath, message: e.message + (p.allowedValues ? ": " + p.allowedValues.join(", ") : "") };
}

var validators: { [schema: string]: ValidateFunction } = {};

/** The schema's validator, compiled once a process: compiling takes ajv far longer than validating, and a build reads every profile (everyBoardName). */
function validator(schema: object): ValidateFunction {
  var key = JSON.stringify(schema);
  var Ajv = (require("ajv") as typeof import("ajv")).default; // loaded only when a profile is new
  return validators[key] || (validators[key] = new Ajv({ allErrors: true }).compile(schema));
}

/** Parses and checks one profile's text; `file` names it in the errors (every one found). */
export function checkProfile(file: string, text: string, schema: object): BoardProfile {
  var data: BoardProfile, problems: string[] = [];
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(file + ": not valid JSON: " + (e as Error).message);
  }
  var where = locate(text);
  function problem(pointer: string, message: string): void {
    var line = where.lines[pointer];
    problems.push(file + (line ? ":" + line : "") + ': field "' + (fieldName(pointer) || "(the profile)") + '" ' + message);
  }
  if (where.duplicate) problem(where.duplicate.pointer, "appears twice: JSON keeps only the last, so name each once");
  var validate = validator(schema);
  if (!validate(data)) {
    validate.errors!.forEach(function (e) {
      var m = schemaMessage(e);
      problem(m.pointer, m.message);
    });
  } else {
    checkNames(data, file, problem);
  }
  if (problems.length) throw new Error(problems.join("\n"));
  return data;
}

/** What the schema cannot say: the id is the file's name, names stand for one pin, aliases name real pins. */
function checkNames(data: BoardProfile, file: string, problem: (pointer: string, message: string) => void): void {
  var expected = path.basename(file, ".json"), pins = Object.keys(data.pins), ids: { [id: string]: string } = {}, named: { [name: string]: string } = {};
  if (data.id !== expected) problem("/id", 'is "' + data.id + '" but the file is ' + file + ": they must match");
  pins.forEach(function (name) {
    var id = data.pins[name].id;
    if (id === undefined) return;
    if (ids.hasOwnProperty(String(id))) problem("/pins/" + name + "/id", "is " + id + ", which is " + ids[id] + "'s id too: one pin, one id");
    ids[String(id)] = name;
  });
  Object.keys(data.uarts).forEach(function (name) {
    var u = data.uarts[name];
    if (data.pins.hasOwnProperty(name) || named.hasOwnProperty(name)) problem("/uarts/" + name, "is also a name in " + (named[name] || "pins") + ": a name may stand for one thing only");
    named[name] = "uarts";
    if (u.device === undefined && u.port === undefined) problem("/uarts/" + name, 'needs "device" (Espruino\'s Serial1...) or "port" (Kaluma\'s UART number)');
    ["rx", "tx"].forEach(function (k) {
      var pin = (u as { [k: string]: unknown })[k] as string | undefined;
      if (pin !== undefined && !data.pins.hasOwnProperty(pin)) problem("/uarts/" + name + "/" + k, 'names pin "' + pin + '", which is not in "pins". Its pins: ' + pins.join(", "));
    });
  });
  [["leds", data.leds], ["buttons", data.buttons]].forEach(function (kv) {
    var group = kv[0] as string, table = kv[1] as { [k: string]: string | { pin: string } };
    Object.keys(table).forEach(function (name) {
      var v = table[name], pin = typeof v === "string" ? v : v.pin;
      if (data.pins.hasOwnProperty(name) || named.hasOwnProperty(name)) {
        problem("/" + group + "/" + name, "is also a name in " + (named[name] || "pins") + ": a name may stand for one pin only");
      }
      named[name] = group;
      if (!data.pins.hasOwnProperty(pin)) problem("/" + group + "/" + name + (typeof v === "string" ? "" : "/pin"), 'names pin "' + pin + '", which is not in "pins". Its pins: ' + pins.join(", "));
    });
  });
}

/** Every name firmware may import for the board: LEDs, then buttons, then pins. */
export function boardNames(p: BoardProfile): BoardName[] {
  var out: BoardName[] = [];
  function add(name: string, pin: string) {
    var spec = p.pins[pin];
    out.push({ name: name, pin: pin, caps: spec.caps, value: spec.id !== undefined ? spec.id : pin });
  }
  Object.keys(p.leds).forEach(function (n) {
    add(n, p.leds[n]);
  });
  Object.keys(p.buttons).forEach(function (n) {
    add(n, p.buttons[n].pin);
  });
  Object.keys(p.pins).forEach(function (n) {
    add(n, n);
  });
  return out;
}

/** Every pin name some board has (LEDs, buttons, pins): what optional() may name, and the host's board lacks names of. */
export function everyBoardName(root: string): string[] {
  var seen: { [name: string]: boolean } = {};
  boardIds(root).forEach(function (id) {
    boardNames(loadBoard(id, root)).forEach(function (n) {
      seen[n.name] = true;
    });
  });
  return Object.keys(seen);
}

/** The board's serial ports, in the profile's order. */
export function boardPorts(p: BoardProfile): BoardPort[] {
  function value(pin: string | undefined): string | number | null {
    if (pin === undefined) return null;
    var id = p.pins[pin].id;
    return id !== undefined ? id : pin;
  }
  return Object.keys(p.uarts).map(function (name) {
    var u = p.uarts[name];
    return { name: name, device: u.port !== undefined ? u.port : u.device !== undefined ? u.device : name, rx: value(u.rx), tx: value(u.tx), rxPin: u.rx, txPin: u.tx };
  });
}

/**
 * The default receive buffer of a serial port on board `p`, in bytes: 2.5 %
 * of its Espruino variables at 12 bytes of string a variable (Kaluma: of its
 * RAM / 256), in steps of 64, from 128 to 1024.
 */
export function uartBufferBytes(p: BoardProfile): number {
  var raw = p.memory.variables ? (p.memory.variables * 12) / 40 : p.memory.ramBytes / 256;
  return Math.max(128, Math.min(1024, Math.floor(raw / 64) * 64));
}

/** Whether a name firmware imports looks like a serial port's (SERIAL1, UART0), to say so when a board lacks it. */
export function isPortName(name: string): boolean {
  return /^(SERIAL|UART|USART)\d+$/.test(name);
}

/** The message for a serial port board `p` lacks. */
export function portMessage(name: string, p: BoardProfile): string {
  var ports = Object.keys(p.uarts);
  return name + " is not a serial port of " + boardTitle(p) + ". Its serial ports: " + (ports.join(", ") || "none");
}

/** The message for an optional() whose name no board has. */
export function noBoardHas(name: string): string {
  return 'optional("' + name + '"): no board has a pin ' + name + "; optional() names a pin (LED3, BTN2, D13) that some boards have";
}

/** "puckjs (Puck.js)" */
export function boardTitle(p: BoardProfile): string {
  return p.id + " (" + p.name + ")";
}
