// A TypeScript diagnostic in the one error format (diagnostics.ts):
// `path:line:col: syntax error|type error|dialect rule: message`. Shared by
// the device build's type check and `ristretto sim`'s compile. Host only.

import ts = require("typescript");
import { fromTypeScript } from "./diagnostics";

export function formatDiagnostic(d: ts.Diagnostic): string {
  var message = ts.flattenDiagnosticMessageText(d.messageText, " ");
  if (!d.file || d.start === undefined) return fromTypeScript({ pluginCode: d.code, message: message });
  var at = d.file.getLineAndCharacterOfPosition(d.start);
  return fromTypeScript({ pluginCode: d.code, message: message, loc: { file: d.file.fileName, line: at.line + 1, column: at.character + 1 } });
}
