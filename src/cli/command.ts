// What a `ristretto` command is: one file in src/cli/ exporting `command`,
// listed once, with its one-line summary, in ristretto.ts. It writes through
// `io`, never to process.stdout itself, so tests run it in-process and read
// what it printed. Host only.

/** Where a command writes, and the real world it may look at. */
export interface Io {
  /** Writes to stdout as it is (add "\n" yourself). */
  out(text: string): void;
  /** Writes to stderr as it is. */
  err(text: string): void;
  /** stdout is a terminal: a command may redraw in place. */
  tty: boolean;
  /** The terminal's width in columns (80 when unknown). */
  columns: number;
  /** Colours are wanted (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** Real time in ms (Date.now), for pacing and the time a run took. */
  now(): number;
  /** Resolves after `ms` of real time. */
  wait(ms: number): Promise<void>;
}

/**
 * Exit codes: 0 done, 1 the command failed (or the firmware did), 2 bad usage.
 * Ctrl-C is not caught: a firmware caught in a loop without an await blocks
 * the process, and only the signal's default action still ends it then.
 */
export var EXIT = { OK: 0, FAILED: 1, USAGE: 2 };

export interface Command {
  /** Runs the command; resolves to its exit code. `--help` prints its usage and gives 0. */
  run(argv: string[], io: Io): Promise<number>;
}

/** The process's own stdout and stderr. */
export function processIo(): Io {
  var tty = !!process.stdout.isTTY;
  process.stdout.on("error", function (e: NodeJS.ErrnoException) {
    if (e.code === "EPIPE") process.exit(0); // the reader went away (| head): not a failure
    throw e;
  });
  return {
    out: function (text) {
      process.stdout.write(text);
    },
    err: function (text) {
      process.stderr.write(text);
    },
    tty: tty,
    columns: process.stdout.columns || 80,
    color: tty && !process.env.NO_COLOR,
    now: Date.now,
    wait: function (ms) {
      return new Promise(function (resolve) {
        setTimeout(resolve, ms);
      });
    },
  };
}
