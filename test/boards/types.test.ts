// The generated board types make tsc (and the editor) reject what the board
// cannot do, before any build.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import ts = require("typescript");

var root = path.resolve(__dirname, "../../..");

/** tsc's messages for `source` as an app for `board`. */
function typeErrors(board: string, source: string): string[] {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-types-")), file = path.join(dir, "main.ts");
  fs.writeFileSync(file, source);
  var program = ts.createProgram([file, path.join(root, "src/core/runtime.d.ts")], {
    target: ts.ScriptTarget.ES5,
    lib: ["lib.es2020.d.ts"],
    types: [],
    strict: true,
    noEmit: true,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    paths: {
      tslib: [path.join(root, "src/core/tslib.ts")],
      ristretto: [path.join(root, "src/index.ts")],
      "ristretto/io": [path.join(root, "src/io/index.ts")],
      "ristretto/board": [path.join(root, "boards/types", board + ".d.ts")],
    },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
}

describe("board types", function () {
  this.timeout(30000);

  it("a pin the board lacks, PWM without PWM and a raw pin name are type errors", function () {
    var errors = typeErrors(
      "espruino-pico",
      'import { output, pwm, adc } from "ristretto/io";\nimport { LED1, LED3, A5 } from "ristretto/board";\npwm(LED1);\nadc(A5);\noutput("B2");\n',
    );
    assert.strictEqual(errors.length, 3, errors.join("\n"));
    assert.match(errors[0], /has no exported member 'LED3'/);
    assert.match(errors[1], /Argument of type 'Pin' is not assignable to parameter of type 'PwmPin'/);
    assert.match(errors[2], /Argument of type 'string' is not assignable to parameter of type 'Pin'/);
  });

  it("the same source type-checks on a board that has what it uses", function () {
    assert.deepStrictEqual(typeErrors("puckjs", 'import { pwm, adc } from "ristretto/io";\nimport { LED1, D2 } from "ristretto/board";\npwm(LED1);\nadc(D2);\n'), []);
  });

  it("a serial port the board lacks, and a pin given as a port, are type errors", function () {
    var errors = typeErrors("pico", 'import { uart } from "ristretto/io";\nimport { SERIAL1, UART1, LED1 } from "ristretto/board";\nuart(UART1, { baud: 9600 });\nuart(LED1);\n');
    assert.strictEqual(errors.length, 2, errors.join("\n"));
    assert.match(errors[0], /has no exported member 'SERIAL1'/);
    assert.match(errors[1], /Argument of type 'Pin & PwmPin' is not assignable to parameter of type 'Port'/);
    assert.deepStrictEqual(typeErrors("espruino-pico", 'import { uart } from "ristretto/io";\nimport { SERIAL2 } from "ristretto/board";\nuart(SERIAL2);\n'), []);
  });
});
