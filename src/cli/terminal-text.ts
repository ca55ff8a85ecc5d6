// Terminal control in what a board prints: Espruino's banner turns line wrap
// off (ESC [ ? 7 l) and its REPL moves the cursor around the typed line;
// Kaluma colours its answers and saves the cursor (ESC 7 / ESC 8). A terminal
// wants them; a file or a pipe does not. Host only.

/** ANSI colour and cursor sequences, and ESC 7 / ESC 8. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, "");
}

/**
 * A filter for text that arrives in pieces, for a stdout that is not a
 * terminal: no escape sequences, "\r\n" as "\n", no lone "\r". A sequence or
 * a "\r" cut at the end of a piece is held until the next one.
 */
export function plainText(): (text: string) => string {
  var held = "";
  return function (text) {
    var t = held + text, cut = /\x1b(\[[0-9;?]*)?$|\r$/.exec(t);
    held = cut ? cut[0] : "";
    if (cut) t = t.slice(0, cut.index);
    return stripAnsi(t).replace(/\r\n/g, "\n").replace(/\r/g, "");
  };
}
