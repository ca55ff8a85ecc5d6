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
}

export function fakeIo(o?: { tty?: boolean; columns?: number; color?: boolean }): FakeIo {
  var opts = o || {}, clock = 0;
  var io: FakeIo = {
    stdout: "",
    stderr: "",
    waited: 0,
    out: (text) => void (io.stdout += text),
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
