// Board ids the build knows. Until board profiles exist (boards/*.json), a
// board id names a runtime. Host only.

export var RUNTIMES = ["espruino", "kaluma", "sim"];

/** The runtime of `board`; an error listing the known ids if it is unknown. */
export function runtimeOf(board: string): string {
  if (RUNTIMES.indexOf(board) < 0) {
    throw new Error('Unknown board "' + board + '". Known boards: ' + RUNTIMES.join(", "));
  }
  return board;
}
