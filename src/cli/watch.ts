// --watch of `ristretto sim` and `ristretto build`: runs the command, then
// again each time a .ts file in the app's folder is saved, until the process
// is stopped (Ctrl-C). A save during a run ends that run early (the run
// polls `changed`) and starts the next; the several writes an editor makes
// of one save give one rerun. Host only.

import fs = require("fs");
import path = require("path");
import type { Io } from "./command";

/** Real ms to wait after a change for the rest of the same save, before running again. */
var SETTLE_MS = 30;

/**
 * Runs `run` now and after each change of the app's .ts files; never
 * resolves. `warm`, if given, runs once after the first run, while the
 * watch waits for a save (a save meanwhile runs once it is done).
 */
export function watchApp(app: string, run: (changed: () => boolean) => Promise<number>, io: Io, warm?: () => Promise<void>): Promise<number> {
  var p = path.resolve(app), dir = fs.statSync(p).isDirectory() ? p : path.dirname(p), where = path.relative(process.cwd(), dir) || ".";
  var dirty = false, running = false, timer: ReturnType<typeof setTimeout> | undefined;
  function start(): void {
    running = true;
    dirty = false;
    run(function () {
      return dirty;
    }).then(done, function (e) {
      io.err(String((e && e.stack) || e) + "\n");
      done(1);
    });
  }
  function done(code: number): void {
    io.err("ristretto: watching " + where + " (the run exited " + code + "): save a .ts file to run again, Ctrl-C to stop\n");
    var warming = warm && !dirty ? warm() : undefined;
    warm = undefined;
    if (warming) warming.then(idle, idle);
    else idle();
  }
  function idle(): void {
    running = false;
    if (dirty) start();
  }
  fs.watch(dir, { recursive: true }, function (_event, name) {
    if (!name || !/\.ts$/.test(String(name))) return;
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      if (running) return; // it stops, and done() starts the next run
      io.err("ristretto: " + path.join(where, String(name)) + " changed\n");
      start();
    }, SETTLE_MS);
  });
  start();
  return new Promise<number>(function () {});
}
