// Whether a REPL line is complete: Espruino's jsiCountBracketsInInput
// (src/jsinteractive.c, commit c5ff787) over its lexer (src/jslex.c). Open
// brackets outside strings, comments, template literals and regular
// expressions keep the line open; an unfinished string runs at once (so it
// can fail); an unfinished comment or template literal waits for more.

// Tokens after which `/` starts a regular expression, as jslex decides: the
// start, keywords and operators, but not values (true, false, null, undefined).
var KEYWORDS = /^(if|else|do|while|for|break|continue|function|return|var|let|const|this|throw|try|catch|finally|new|in|of|instanceof|switch|case|default|delete|typeof|void|debugger|class|extends|super|static|yield|await)$/;

export function countBrackets(src: string): number {
  var brackets = 0, i = 0, n = src.length, last = ""; // last: "" (start), "value", or the operator character
  while (i < n) {
    var c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && src.charAt(i + 1) === "/") {
      while (i < n && src.charAt(i) !== "\n") i++;
    } else if (c === "/" && src.charAt(i + 1) === "*") {
      var end = src.indexOf("*/", i + 2);
      if (end < 0) return 1000;
      i = end + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      i++;
      while (i < n && src.charAt(i) !== c) i += src.charAt(i) === "\\" ? 2 : 1;
      if (i >= n) return c === "`" ? 1000 : 0;
      i++;
      last = "value";
    } else if (c === "/" && last !== "value" && last !== ")" && last !== "]") {
      i++;
      while (i < n && src.charAt(i) !== "/" && src.charAt(i) !== "\n") i += src.charAt(i) === "\\" ? 2 : 1;
      if (i >= n || src.charAt(i) === "\n") return 0; // an unfinished regular expression: run it, so it fails
      i++;
      while (/[gimyu]/.test(src.charAt(i))) i++;
      last = "value";
    } else if (/[A-Za-z0-9_$.]/.test(c) || c.charCodeAt(0) > 127) {
      var start = i;
      while (i < n && (/[A-Za-z0-9_$]/.test(src.charAt(i)) || src.charCodeAt(i) > 127)) i++;
      if (i === start) i++; // a lone "."
      var word = src.slice(start, i);
      last = word === "." ? "." : KEYWORDS.test(word) ? "keyword" : "value";
    } else {
      if (c === "(" || c === "[" || c === "{") brackets++;
      if (c === ")" || c === "]" || c === "}") brackets--;
      if (brackets < 0) return brackets; // a closing bracket before its opening one
      last = c;
      i++;
    }
  }
  return brackets;
}
