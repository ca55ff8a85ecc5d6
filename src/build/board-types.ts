// boards/types/<id>.d.ts: "ristretto/board" typed for one board, so that the
// editor and tsc reject a name the board lacks, and pwm()/adc() on a pin
// without PWM or ADC. Host only.

import type { BoardProfile, Capability } from "./board-profile";
import { boardNames, boardPorts, uartBufferBytes } from "./boards";

var TYPES: { [cap: string]: string } = { digital: "Pin", pwm: "PwmPin", adc: "AdcPin" };

function typeOf(caps: Capability[]): string {
  return caps
    .map(function (c) {
      return TYPES[c];
    })
    .join(" & ");
}

export function boardTypes(p: BoardProfile): string {
  var out = [
    "// " + p.name + " (" + p.id + ", " + p.runtime + "): what ristretto/board exports for it.",
    "// Generated from boards/" + p.id + ".json by `npm run generate`. Do not edit.",
    "",
    'import type { AdcPin, Pin, Port, PwmPin } from "ristretto/io";',
    "",
  ];
  boardNames(p).forEach(function (n) {
    var note = p.pins[n.pin].note;
    var doc = n.name === n.pin ? n.caps.join(", ") : n.pin + ": " + n.caps.join(", ");
    out.push("/** " + doc + (note && n.name === n.pin ? ". " + note : "") + ". */");
    out.push("export declare const " + n.name + ": " + typeOf(n.caps) + ";");
  });
  boardPorts(p).forEach(function (u) {
    var note = p.uarts[u.name].note;
    out.push("/** Serial port: rx " + (u.rxPin || "none") + ", tx " + (u.txPin || "none") + (note ? ". " + note : "") + ". */");
    out.push("export declare const " + u.name + ": Port;");
  });
  out.push("");
  out.push("/** The default receive buffer of a serial port, bytes (" + uartBufferBytes(p) + " here): from the board's RAM budget. */");
  out.push("export declare const UART_BUFFER_BYTES: number;");
  out.push("/** How a button pin is wired: [pull, activeLow (1) or not (0)]; undefined for other pins. Used by button(). */");
  out.push('export declare function buttonWiring(pin: unknown): ["up" | "down" | "none", number] | undefined;');
  out.push("");
  out.push("/** Every pin name of this board, with its type: what optional() looks up. */");
  out.push("interface Names {");
  boardNames(p).forEach(function (n) {
    out.push("  " + n.name + ": " + typeOf(n.caps) + ";");
  });
  out.push("}");
  out.push("/**");
  out.push(" * The pin `name` where the board has it, else undefined: `optional(\"LED3\") ?? LED1` names a pin");
  out.push(" * that some boards lack, with a fallback. The build folds each call to the pin or undefined.");
  out.push(" */");
  out.push("export declare function optional<N extends string>(name: N): N extends keyof Names ? Names[N] : undefined;");
  return out.join("\n") + "\n";
}
