// An Io for running commands in-process: it keeps what they print, and its
// real clock is a counter that wait() moves, so a paced run takes no time.

import type { Io } from "../../src/cli/command";

export interface FakeIo extends Io {
  stdout: string;
  stderr: string;
  /** The real time waited, in total (ms). */
  waited: number;
  /** What each wait() saw of stdout, to look at a run while it goes. */
  onWait?: (io: FakeIo) => void;
  /** Called once each, at the next write to stdout (printed() waits with it). */
  onOut: (() => void)[];
}

export function fakeIo(o?: { tty?: boolean; columns?: number; color?: boolean }): FakeIo {
  var opts = o || {}, clock = 0;
  var io: FakeIo = {
    stdout: "",
    stderr: "",
    waited: 0,
    onOut: [],
    out: (text) => {
      io.stdout += text;
      io.onOut.splice(0).forEach((f) => f());
    },
    err: (text) => void (io.stderr += text),
    tty: !!opts.tty,
    columns: opts.columns || 80,
    color: !!opts.color,
    now: () => clock,
    wait: (ms) => {
      clock += ms;
      io.waited += ms;
      if (io.onWait) io.onWait(io);
      return Promise.resolve();
    },
  };
  return io;
}

/** Resolves once what `io` printed to stdout matches `re`: on the write that makes it match, with no deadline of its own (mocha's timeout is the hang guard). */
export function printed(io: FakeIo, re: RegExp): Promise<void> {
  return new Promise(function (resolve) {
    (function check(): void {
      if (re.test(io.stdout)) resolve();
      else io.onOut.push(check);
    })();
  });
}
