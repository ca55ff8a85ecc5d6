// gather is typed as Promise.all is: test/types/gather-cases.ts holds the
// cases, and it must compile against gather's typing and fail against the
// typing it replaced (one result type for every awaitable).

import assert = require("assert");
import path = require("path");
import ts = require("typescript");

var root = path.resolve(__dirname, "../../.."), cases = path.join(root, "test/types/gather-cases.ts");

/** What gather's signature was before: every awaitable of one result type. */
var OLD_GATHER = [
  "export interface GatherOptions { returnExceptions?: boolean }",
  "export type GatherResults<A> = unknown; export type GatherResultsOrErrors<A> = unknown;",
  "export declare function gather<T = unknown>(aws: PromiseLike<T>[], options?: GatherOptions): Promise<T[]>;",
].join("\n");

/** tsc's messages for the cases, `gather.ts` standing in for src/funcs/gather.ts when given. */
function typeErrors(gatherSource?: string): string[] {
  var options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES5,
    lib: ["lib.es2020.d.ts"],
    types: [],
    strict: true,
    noEmit: true,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    paths: { tslib: [path.join(root, "src/core/tslib.ts")], ristretto: [path.join(root, "src/index.ts")] },
  };
  var host = ts.createCompilerHost(options), getSourceFile = host.getSourceFile;
  var gatherFile = path.join(root, "src/funcs/gather.ts");
  host.getSourceFile = function (file, language) {
    if (gatherSource !== undefined && path.resolve(file) === gatherFile) return ts.createSourceFile(file, gatherSource, language);
    return getSourceFile.apply(host, arguments as any);
  };
  var program = ts.createProgram([cases, path.join(root, "src/core/runtime.d.ts")], options, host);
  return ts.getPreEmitDiagnostics(program).map(function (d) {
    var at = d.file && d.start !== undefined ? path.relative(root, d.file.fileName) + ":" + (d.file.getLineAndCharacterOfPosition(d.start).line + 1) + ": " : "";
    return at + ts.flattenDiagnosticMessageText(d.messageText, " ");
  });
}

describe("gather's types", function () {
  this.timeout(60000); // a hang guard: two TypeScript programs

  it("gives a tuple of mixed awaitables the tuple of their results, and with returnExceptions each result or its exception", function () {
    assert.deepStrictEqual(typeErrors(), []);
  });

  it("fails those cases against the typing it replaced, where every awaitable had one result type", function () {
    var errors = typeErrors(OLD_GATHER);
    var lines = errors.filter((e) => e.indexOf("test/types/gather-cases.ts:") === 0);
    assert.strictEqual(lines.length, errors.length, errors.join("\n"));
    assert.match(errors.join("\n"), /not assignable to type 'PromiseLike<string>'/);
    assert.match(errors.join("\n"), /Unused '@ts-expect-error' directive/);
    assert.ok(errors.length >= 8, errors.join("\n"));
  });
});
