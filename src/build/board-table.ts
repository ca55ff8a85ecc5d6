// The table of boards, made from the profiles: the README's (markdown, by
// npm run generate) and `ristretto boards`'s (aligned text) share its columns
// and cells. Host only.

import type { BoardProfile } from "./board-profile";

/** The columns' heads, in order. */
export var BOARD_COLUMNS = ["id", "board", "runtime", "LEDs", "buttons", "budget: variables / RAM / code flash"];

function kb(bytes: number): string {
  return bytes >= 1048576 ? bytes / 1048576 + " MB" : Math.round(bytes / 1024) + " KB";
}

function names(t: { [name: string]: unknown }): string {
  return Object.keys(t).join(", ") || "none";
}

/** One board's cells, as plain text, in the order of BOARD_COLUMNS. */
export function boardRow(p: BoardProfile): string[] {
  var vars = p.memory.variables ? String(p.memory.variables).replace(/\B(?=(\d{3})+$)/g, ",") + " vars" : "(no JsVars)";
  return [p.id, p.name, p.runtime, names(p.leds), names(p.buttons), vars + " / " + kb(p.memory.ramBytes) + " / " + kb(p.flash.codeBytes)];
}

/** The README's markdown table. */
export function boardTable(profiles: BoardProfile[]): string {
  var rows = ["| " + BOARD_COLUMNS.join(" | ") + " |", "|" + new Array(BOARD_COLUMNS.length + 1).join("---|")];
  profiles.forEach(function (p) {
    var cells = boardRow(p);
    cells[0] = "`" + cells[0] + "`";
    rows.push("| " + cells.join(" | ") + " |");
  });
  return rows.join("\n") + "\n";
}
