// The README's table of boards, made from the profiles. Host only.

import type { BoardProfile } from "./board-profile";

function kb(bytes: number): string {
  return bytes >= 1048576 ? bytes / 1048576 + " MB" : Math.round(bytes / 1024) + " KB";
}

function names(t: { [name: string]: unknown }): string {
  return Object.keys(t).join(", ") || "none";
}

export function boardTable(profiles: BoardProfile[]): string {
  var rows = ["| id | board | runtime | LEDs | buttons | budget: variables / RAM / code flash |", "|---|---|---|---|---|---|"];
  profiles.forEach(function (p) {
    var vars = p.memory.variables ? String(p.memory.variables).replace(/\B(?=(\d{3})+$)/g, ",") + " vars" : "(no JsVars)";
    var budget = vars + " / " + kb(p.memory.ramBytes) + " / " + kb(p.flash.codeBytes);
    rows.push("| `" + p.id + "` | " + p.name + " | " + p.runtime + " | " + names(p.leds) + " | " + names(p.buttons) + " | " + budget + " |");
  });
  return rows.join("\n") + "\n";
}
