// The build's check of an app's pins, on the JavaScript TypeScript emits.

import assert = require("assert");
import path = require("path");
import { boardCheck } from "../../src/build/board-check";
import { loadBoard } from "../../src/build/boards";

var root = path.resolve(__dirname, "../../..");
var puck = loadBoard("puckjs", root), pico = loadBoard("espruino-pico", root);

describe("the board check", function () {
  it("accepts the board's own names and records what each driver claims", function () {
    var r = boardCheck('import { output, pwm } from "ristretto/io";\nimport { LED1, D1 } from "ristretto/board";\noutput(LED1);\npwm(D1);\n', puck);
    assert.deepStrictEqual(r.findings, []);
    assert.deepStrictEqual(
      r.claims.map((c) => [c.what, c.pin, c.line]),
      [
        ["output(LED1)", "D5", 3],
        ["pwm(D1)", "D1", 4],
      ],
    );
  });

  it("names a pin the board lacks, with the board and its pins, at the import", function () {
    var r = boardCheck('import { LED1, LED4 } from "ristretto/board";\n', puck);
    assert.strictEqual(r.findings.length, 1);
    assert.match(r.findings[0].message, /^LED4 is not a pin of puckjs \(Puck\.js\)\. Its pins: LED1, LED2, LED3, BTN1, D0, D1, /);
    assert.deepStrictEqual([r.findings[0].line, r.findings[0].column], [1, 15]);
  });

  it("sees through renamed and namespace imports", function () {
    var r = boardCheck('import * as board from "ristretto/board";\nimport { pwm as dim } from "ristretto/io";\ndim(board.LED1);\nboard.LED9;\n', pico);
    assert.deepStrictEqual(
      r.findings.map((f) => f.message.split(".")[0]),
      ["pwm(LED1): LED1 (B2) of espruino-pico (Espruino Pico) has no PWM", "LED9 is not a pin of espruino-pico (Espruino Pico)"],
    );
  });

  it("refuses PWM and ADC on pins without them, listing the pins that have them", function () {
    var r = boardCheck('import { adc, pwm } from "ristretto/io";\nimport { LED1, B12 } from "ristretto/board";\npwm(LED1);\nadc(B12);\n', pico);
    assert.match(r.findings[0].message, /^pwm\(LED1\): LED1 \(B2\) of espruino-pico \(Espruino Pico\) has no PWM\. Pins with PWM: A0, A1, /);
    assert.match(r.findings[1].message, /^adc\(B12\): B12 of espruino-pico \(Espruino Pico\) has no analog input\. Pins with analog input: A0, /);
  });

  it("leaves pins passed through variables to the run time", function () {
    var r = boardCheck('import { output } from "ristretto/io";\nfunction f(p) { return output(p); }\n', puck);
    assert.deepStrictEqual([r.findings, r.claims], [[], []]);
  });

  it("names a serial port the board lacks, with the board and the ports it has", function () {
    var kaluma = loadBoard("pico", root);
    var r = boardCheck('import { uart } from "ristretto/io";\nimport { SERIAL1 } from "ristretto/board";\nuart(SERIAL1);\n', kaluma);
    assert.deepStrictEqual(r.findings.map((f) => [f.message, f.line]), [["SERIAL1 is not a serial port of pico (Raspberry Pi Pico (Kaluma)). Its serial ports: UART0, UART1", 2]]);
    r = boardCheck('import * as board from "ristretto/board";\nboard.SERIAL2;\n', puck);
    assert.deepStrictEqual(r.findings.map((f) => f.message), ["SERIAL2 is not a serial port of puckjs (Puck.js). Its serial ports: SERIAL1"]);
  });

  it("accepts the board's serial ports, and refuses a pin given to uart()", function () {
    var r = boardCheck('import { uart } from "ristretto/io";\nimport { SERIAL2, LED1, UART_BUFFER_BYTES } from "ristretto/board";\nuart(SERIAL2, { bufferBytes: UART_BUFFER_BYTES });\nuart(LED1);\n', pico);
    assert.deepStrictEqual(r.findings.map((f) => [f.message, f.line]), [["uart(LED1): LED1 (B2) is a pin, not a serial port. Serial ports of espruino-pico (Espruino Pico): SERIAL1, SERIAL2", 4]]);
  });

  it("uart() claims its port's rx and tx pins, or the pins its options name", function () {
    var r = boardCheck('import { uart } from "ristretto/io";\nimport * as board from "ristretto/board";\nimport { SERIAL1, B3 } from "ristretto/board";\nuart(SERIAL1);\nuart(board.SERIAL2, { tx: B3, baud: 9600 });\n', pico);
    assert.deepStrictEqual(r.findings, []);
    assert.deepStrictEqual(
      r.claims.map((c) => [c.what, c.pin, c.line]),
      [
        ["uart(SERIAL1)", "B7", 4],
        ["uart(SERIAL1)", "B6", 4],
        ["uart(SERIAL2)", "A3", 5],
        ["uart(SERIAL2)", "B3", 5],
      ],
    );
  });
});
