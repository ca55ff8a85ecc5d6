import assert = require("assert");
import { manager } from "../../firmware/talk/cancel-counter";
import { main as gatherEvent } from "../../firmware/talk/gather-event";
import { parent } from "../../firmware/talk/nursery";
import { seed } from "../../firmware/talk/random";
import { runVirtual } from "../support/virtual";

function range(a: number, b: number): string[] {
  var out: string[] = [];
  for (var i = a; i < b; i++) out.push(String(i));
  return out;
}

describe("firmware/talk: the examples of the talk print what the talk printed", function () {
  it("the counter is cancelled when the other coroutine answers 24", function () {
    var r = runVirtual((print) => manager(print));
    assert.deepStrictEqual(r.lines, range(0, 10).concat(["Something happened", "answer: 24"]));
    assert.strictEqual(r.task.result(), 24);
    assert.strictEqual(r.clock.now(), 1000);
  });

  it("gather raises the waiter's exception at once while the counters run on", function () {
    seed(40);
    var r = runVirtual((print) => gatherEvent(print));
    var expected = ["100", "35", "101", "36", "102", "37", "103", "38", "Ooops!"];
    for (var i = 4; i < 20; i++) {
      expected.push(String(100 + i));
      if (35 + i <= 42) expected.push(String(35 + i));
      if (35 + i === 42) expected.push("handler: Task exception wasn't retrieved (task counterCoro): Error: The answer!");
    }
    assert.deepStrictEqual(r.lines, expected);
  });

  it("the task group's two failures come back together after the others are cancelled", function () {
    var r = runVirtual((print) => parent(print));
    assert.deepStrictEqual(r.lines, ["42", "35", "TaskGroupError: unhandled errors in a task group (2): Error: The answer!; Error: division by zero"]);
    assert.strictEqual(r.task.result(), 2);
  });
});
