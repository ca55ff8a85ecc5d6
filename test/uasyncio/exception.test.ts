import assert = require("assert");
import { createTask } from "../../src";
import { Script, ValueError } from "./py";

// Port of micropython tests/extmod/asyncio_exception.py
// (expected output: CPython's, as the test has no .exp).
describe("uasyncio: asyncio_exception.py", function () {
  it("an exception that ends the main task, or a task it awaits, is raised to the caller of run()", function () {
    var py = new Script();
    var print = py.print;

    // main task raising an exception
    async function main1() {
      print("main start");
      throw new ValueError(1);
    }

    try {
      py.run(main1);
    } catch (er) {
      if (!(er instanceof ValueError)) throw er;
      print("ValueError", er.args[0]);
    }

    // sub-task raising an exception
    async function task2() {
      print("task start");
      throw new ValueError(2);
    }

    async function main2() {
      print("main start");
      var t = createTask(task2());
      await t;
      print("main done");
    }

    try {
      py.run(main2);
    } catch (er) {
      if (!(er instanceof ValueError)) throw er;
      print("ValueError", er.args[0]);
    }

    // main task raising an exception with sub-task not yet scheduled
    // TODO not currently working, task is never scheduled
    async function task3() {
      // print('task run') uncomment this line when it works
    }

    async function main3() {
      print("main start");
      createTask(task3());
      throw new ValueError(3);
    }

    try {
      py.run(main3);
    } catch (er) {
      if (!(er instanceof ValueError)) throw er;
      print("ValueError", er.args[0]);
    }

    assert.deepStrictEqual(py.lines, ["main start", "ValueError 1", "main start", "task start", "ValueError 2", "main start", "ValueError 3"]);
  });
});
