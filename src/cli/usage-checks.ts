// The checks every command makes of its app and --board before any work, so
// that a missing app or an unknown board is bad usage (exit code 2) with one
// message whichever command met it. Host only.

import fs = require("fs");
import path = require("path");
import { boardIds } from "../build/boards";
import { usageError } from "./args";

var ROOT = path.resolve(__dirname, "../../.."); // from .build/src/cli

/** `id` if it names a board; else a usage error listing the boards. */
export function knownBoard(id: string): string {
  var ids = boardIds(ROOT);
  if (ids.indexOf(id) < 0) throw usageError('--board: unknown board "' + id + '". Known boards: ' + ids.join(", "));
  return id;
}

/** `app` if it is a folder with main.ts (or main.js) or a .ts/.js file; else a usage error naming the apps here. */
export function existingApp(app: string): string {
  var p = path.resolve(app), bare = p.replace(/\.(ts|js)$/, "");
  var tries = [path.join(p, "main.ts"), path.join(p, "main.js"), bare + ".ts", bare + ".js"];
  for (var i = 0; i < tries.length; i++) if (fs.existsSync(tries[i]) && fs.statSync(tries[i]).isFile()) return app;
  throw usageError('No app at "' + app + '": expected a firmware folder with a main.ts (such as firmware/blink-many) or a .ts file' + appsHere());
}

/** ". Apps here: firmware/a, firmware/b", or "" where there is no firmware/ folder. */
export function appsHere(): string {
  var dir = path.resolve("firmware");
  if (!fs.existsSync(dir)) return "";
  var list = fs
    .readdirSync(dir)
    .filter(function (f) {
      return fs.existsSync(path.join(dir, f, "main.ts"));
    })
    .map(function (f) {
      return "firmware/" + f;
    });
  return list.length ? ". Apps here: " + list.join(", ") : "";
}
