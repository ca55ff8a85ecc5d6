// Espruino's pretokenised code: each operator and reserved word of a script
// as the one byte Espruino's lexer makes of it (jslex.h's LEX_EQUAL, 138, to
// LEX_R_OF, 198), as EspruinoTools and the Bangle.js app loader write code
// to Storage. Espruino reads such a byte as the token itself (jslex.c) on
// every board ristretto flashes (all since 2v00; only SAVE_ON_FLASH builds
// leave it out), and keeps a function's code as its text: a bundle takes 22%
// fewer bytes in Storage, and a task switch, whose functions Espruino reads
// again at every call, 5% fewer instructions (README, "Pretokenised").
//
// pretokenise() keeps everything else as it is (names, numbers, strings,
// regular expressions, punctuation) but comments, and drops only the space
// the token's word needed; expandTokens() puts it back, so expanding a
// minified bundle gives it again character for character. Host only;
// expandTokens() also runs inside the virtual device's sandbox, so it is
// plain ES5 with no outside names.

import acorn = require("acorn");
import walk = require("acorn-walk");

/** The words, from code 138 on: jslex.h's order, which Espruino keeps for pretokenised code ("DO NOT MODIFY THE ORDERING"). */
export var TOKENS = [
  "==", "===", "!=", "!==", "<=", "<<", "<<=", ">=", ">>", ">>>", ">>=", ">>>=", "+=", "-=", "++", "--",
  "*=", "/=", "%=", "&=", "&&", "|=", "||", "^=", "=>",
  "if", "else", "do", "while", "for", "break", "continue", "function", "return", "var", "let", "const", "this",
  "throw", "try", "catch", "finally", "true", "false", "null", "undefined", "new", "in", "instanceof", "switch",
  "case", "default", "delete", "typeof", "void", "debugger", "class", "extends", "super", "static", "of",
];

/** The code of TOKENS[0] (LEX_EQUAL). */
export var FIRST_TOKEN = 138;

/**
 * Where the script has a reserved word as a property's name (`x.default`,
 * `{ delete: 1 }`): those stay words, as Espruino before 2v07 found no name
 * in their token (espruino/Espruino#1868, `p.catch(...)`).
 */
function propertyNames(script: string): { [start: number]: boolean } {
  var at: { [start: number]: boolean } = {};
  walk.simple(acorn.parse(script, { ecmaVersion: 2020 }), {
    MemberExpression: function (n: any) {
      if (!n.computed) at[n.property.start] = true;
    },
    Property: function (n: any) {
      if (!n.computed) at[n.key.start] = true;
    },
    MethodDefinition: function (n: any) {
      if (!n.computed) at[n.key.start] = true;
    },
  });
  return at;
}

/** A script pretokenised: its bytes (a binary string), and where a position in them is in the script. */
export interface Tokenised {
  code: string;
  /** The script's index of the character at `at` of `code` (a token byte: its word's first character). */
  scriptIndex(at: number): number;
  /** The index in `code` of the script's character at `at` (a character of a token's word: the token byte). */
  tokenisedIndex(at: number): number;
}

function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_$]/.test(c);
}

/** What the script has between `a` and `b` when one of them is a token: a space where two words would merge. */
function gapOf(a: string, b: string): string {
  return isWordChar(a.charAt(a.length - 1)) && isWordChar(b.charAt(0)) ? " " : "";
}

/** A gap between two tokens, its comments gone: a newline where it had one (a line end may end a statement), else a space where it had any. */
function bareGap(gap: string): string {
  var bare = gap.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, function (c) {
    return c.indexOf("\n") >= 0 ? "\n" : " ";
  });
  return bare.indexOf("\n") >= 0 ? "\n" : bare ? " " : "";
}

/** A string, template or regular expression literal with each character above 0x7E as its escape, which means the same there. */
function asciiLiteral(text: string): string {
  return text.replace(/[^\x00-\x7e]/g, function (c) {
    return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
  });
}

/**
 * Pretokenises `script`: what `ristretto flash` writes to an Espruino
 * board's Storage. Comments go (and so does a bundle's source map comment),
 * and a literal's characters above 0x7E become escapes, as Espruino would
 * read such a byte as a token (a minified bundle has neither: for it,
 * expanding gives the script again); a name with one is refused.
 */
export function pretokenise(script: string): Tokenised {
  var names = propertyNames(script), tokens = acorn.tokenizer(script, { ecmaVersion: 2020 });
  // Pieces of the output: where each begins in `code` and in the script, and whether it is a token byte.
  var code = "", codeAt: number[] = [], scriptAt: number[] = [], isToken: boolean[] = [];
  var end = 0, prev = "", prevToken = false, t: acorn.Token, text: string, n: number, gap: string;
  function piece(s: string, from: number, token: boolean) {
    codeAt.push(code.length);
    scriptAt.push(from);
    isToken.push(token);
    code += s;
  }
  for (t = tokens.getToken(); t.type !== acorn.tokTypes.eof; t = tokens.getToken()) {
    var start = t.start, literal = t.type === acorn.tokTypes.string || t.type === acorn.tokTypes.regexp;
    if (t.type === acorn.tokTypes.backQuote) {
      // A template literal, whole: what is inside its `${}` is Espruino's to read at run time.
      for (var depth = 0; ; ) {
        t = tokens.getToken();
        if (t.type === acorn.tokTypes.dollarBraceL || t.type === acorn.tokTypes.braceL) depth++;
        else if (t.type === acorn.tokTypes.braceR) depth--;
        else if (t.type === acorn.tokTypes.backQuote && !depth) break;
      }
      literal = true;
    }
    text = literal ? asciiLiteral(script.slice(start, t.end)) : script.slice(start, t.end);
    if (/[^\x00-\x7e]/.test(text)) throw new Error("Cannot pretokenise the name " + JSON.stringify(text) + " at " + start + ": Espruino would read a character above 0x7E in it as a token");
    n = names[start] ? -1 : TOKENS.indexOf(text);
    gap = bareGap(script.slice(end, start));
    if (gap && !((n >= 0 || prevToken) && gap === gapOf(prev, text))) piece(gap, end, false);
    piece(n >= 0 ? String.fromCharCode(FIRST_TOKEN + n) : text, start, n >= 0);
    end = t.end;
    prev = text;
    prevToken = n >= 0;
  }
  /** The last piece whose start in `starts` is at most `at`. */
  function pieceAt(starts: number[], at: number): number {
    var lo = 0, hi = starts.length - 1, m: number;
    while (lo < hi) {
      m = (lo + hi + 1) >> 1;
      if (starts[m] <= at) lo = m;
      else hi = m - 1;
    }
    return lo;
  }
  return {
    code: code,
    scriptIndex: function (at) {
      var i = pieceAt(codeAt, at);
      return codeAt.length ? scriptAt[i] + (isToken[i] ? 0 : at - codeAt[i]) : at;
    },
    tokenisedIndex: function (at) {
      var i = pieceAt(scriptAt, at);
      return codeAt.length ? codeAt[i] + (isToken[i] ? 0 : at - scriptAt[i]) : at;
    },
  };
}

/** The script of pretokenised `code`: each token byte as its word, with the space a word needs before or after it. */
export function expandTokens(code: string, tokens: string[], first: number): string {
  var out = "", i: number, c: number, w: string, token: boolean, after = false, word = /[A-Za-z0-9_$]/;
  for (i = 0; i < code.length; i++) {
    c = code.charCodeAt(i);
    token = c >= first && c < first + tokens.length;
    w = token ? tokens[c - first] : code.charAt(i);
    if ((token || after) && word.test(out.charAt(out.length - 1)) && word.test(w.charAt(0))) out += " ";
    out += w;
    after = token;
  }
  return out;
}

/** Does `code` hold a token byte (so Espruino would read it as pretokenised)? */
export function hasTokens(code: string): boolean {
  for (var i = 0; i < code.length; i++) {
    var c = code.charCodeAt(i);
    if (c >= FIRST_TOKEN && c < FIRST_TOKEN + TOKENS.length) return true;
  }
  return false;
}

