// Each example's bundle stays within the budgets recorded in
// firmware/size-budgets.json, as built and as flashed (pretokenised): a
// change that makes the core or an example bigger fails here, naming the
// example, its size and its budget.

import assert = require("assert");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { build } from "../../src/build/build";

var root = path.resolve(__dirname, "../../..");

interface Budget {
  board?: string;
  budget: number;
  flashed: number;
  goal?: number;
  before?: number;
}

var table: { board: string; examples: { [app: string]: Budget } } = JSON.parse(fs.readFileSync(path.join(root, "firmware/size-budgets.json"), "utf8"));

describe("the examples' bundle sizes", function () {
  this.timeout(120000);
  var out = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-budgets-"));
  after(function () {
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("the table names every example in firmware/", function () {
    var apps = fs.readdirSync(path.join(root, "firmware")).filter((f) => fs.statSync(path.join(root, "firmware", f)).isDirectory());
    assert.deepStrictEqual(Object.keys(table.examples).sort(), apps.sort());
  });

  Object.keys(table.examples).forEach(function (app) {
    var b = table.examples[app], board = b.board || table.board;
    it(app + " for " + board + " is within its budgets of " + b.budget + " bytes, and " + b.flashed + " as flashed", async function () {
      var r = await build({ app: path.join(root, "firmware", app), board: board, outDir: out });
      assert.ok(r.bytes <= b.budget, app + " is " + r.bytes + " bytes for " + board + ", over its budget of " + b.budget + " (firmware/size-budgets.json)");
      assert.ok(r.flashed! <= b.flashed, app + " is " + r.flashed + " bytes as flashed to " + board + ", over its budget of " + b.flashed + " (firmware/size-budgets.json)");
    });
  });
});
