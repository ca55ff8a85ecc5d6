// remove(): what cancelling does to the list a task waits in.

import assert = require("assert");
import { remove } from "../../src/core/remove";

describe("remove", function () {
  it("takes the first occurrence out of the list, and leaves a list without it, or no list, as it was", function () {
    var a = [1, 2, 3, 2];
    remove(a, 2);
    assert.deepStrictEqual(a, [1, 3, 2]);
    remove(a, 9);
    assert.deepStrictEqual(a, [1, 3, 2], "not the last item, as splice(-1, 1) would");
    assert.doesNotThrow(() => remove(undefined, 1));
  });
});
