// Rollup's options for one device build: the plugins in their order, and the
// output (one IIFE, which a minified build then unwraps: top-level.ts; and its
// source map). See build.ts for the pipeline. Loaded only once a build has
// to run (not for a bundle from the cache): rollup, terser and TypeScript take
// a while to load. Host only.

import path = require("path");
import type { InputOptions, OutputOptions, RenderedChunk } from "rollup";
import { checkPlugin } from "./check-plugin";
import { internalNames, ownNames } from "./internal-names";
import { lowerPlugin } from "./lower-plugin";
import { protoLiteralPlugin } from "./proto-literal-plugin";
import { singletonLiteralPlugin } from "./singleton-literal-plugin";
import { uniqueNamesPlugin } from "./unique-names-plugin";
import { aliasesPlugin } from "./aliases-plugin";
import { reusedParamsPlugin } from "./reused-params-plugin";
import { forwardersPlugin } from "./forwarders-plugin";
import { commonArgsPlugin } from "./common-args-plugin";
import { unpassedParamsPlugin } from "./unpassed-params-plugin";
import { topLevelPlugin } from "./top-level-plugin";
import { minifyPlugin } from "./minify-plugin";
import { resolvePlugin } from "./resolve-plugin";
import { boardPlugin } from "./board-plugin";
import { loadBoard } from "./boards";
import { ROOT, appEntry, extraFiles } from "./build-options";
import type { BuildOptions } from "./build-options";
import type { Check } from "./check-client";
import { tsPlugin } from "./ts-plugin";
import { typeCheckPlugin } from "./type-check-plugin";
import { sizePlugin } from "./size-plugin";
import { terseErrorsPlugin } from "./terse-errors-plugin";
import { devPlugin } from "./dev-plugin";
import { featuresPlugin } from "./features-plugin";
import { asyncPlugin } from "./async-plugin";
import { frameNamesPlugin } from "./frame-names-plugin";
import { FRAME_NAMES } from "./frame-names";
import { unusedMethodsPlugin } from "./unused-methods-plugin";
import { bundleRewritesPlugin, singleUseAgainPlugin } from "./bundle-rewrites-plugin";
import { asyncConstantsPlugin } from "./async-constants-plugin";
import { shorthandPlugin } from "./shorthand-plugin";
import { dataFirstPlugin } from "./data-first";
import { espruinoFlagsPlugin } from "./espruino-flags-plugin";
import type { SizeReport } from "./size-plugin";

function stockTslib(): string {
  return require.resolve("tslib/tslib.es6.js");
}

/** Settings that keep terser's output inside Espruino's subset. */
/** `own`: the framework's field names (internal-names.ts), read once a build. */
function minifier(root: string, own: string[]) {
  var names = own.concat(Object.keys(FRAME_NAMES).map(function (k) {
    return FRAME_NAMES[k];
  }));
  return minifyPlugin(function (chunk) {
    var props = new RegExp("^(" + ownNames(names, chunk, root).join("|") + ")$");
    return {
      ecma: 5,
      // join_vars would put an `in` into a for-init (rule 7). pure_getters: reading a property does nothing else
      // (ristretto defines no getter), so terser may fold a value read past one (a literal into the text it is
      // added to: 9-33 B an example); a read whose value nothing uses may go.
      compress: { hoist_funs: true, join_vars: false, passes: 2, keep_fargs: false, pure_getters: true },
      mangle: {
        reserved: ["of", "static", "undefined"], // rule 8
        // builtins: the framework's fields may take names a browser's objects have (a to f, r, ...: terser keeps
        // those for a page's code), so more of them get one letter; not Espruino's Object.prototype.on, which a
        // read of a field an object lacks would find, nor x, y and z, the keys of Espruino's sensor readings
        // (Puck.accel()): the driver looks for its _aw on whatever a task awaits.
        properties: { regex: props, reserved: ["of", "static", "on", "x", "y", "z"], builtins: true },
      },
      // ascii_only: Espruino reads a raw UTF-8 character as other bytes ("\xFF" must stay an escape)
      format: { ecma: 5, semicolons: true, ascii_only: true },
    };
  });
}

/** `check`: the type check the caller started (build.ts), and awaits; without it, the build runs it (type-check-plugin.ts). */
export function rollupOptions(o: BuildOptions, onSize?: (r: SizeReport) => void, check?: Check): { input: InputOptions; output: OutputOptions } {
  var root = o.root || ROOT, outDir = path.resolve(o.outDir || path.join(root, "dist"));
  var profile = loadBoard(o.board, root), app = appEntry(o.app, root);
  var minify = o.minify !== false, own = internalNames(root);
  function ownOf(chunk: RenderedChunk): string[] {
    return ownNames(own, chunk, root);
  }
  var plugins = [
    resolvePlugin(root, profile, o.baseline && { ristretto: o.baseline.runtime, "ristretto/io": o.baseline.io, tslib: stockTslib() }),
    tsPlugin(root, app.entry, extraFiles(o), check && check.transpiled),
    o.baseline ? undefined : asyncPlugin(root),
    o.baseline ? undefined : asyncConstantsPlugin(),
    o.baseline ? undefined : frameNamesPlugin(root),
    boardPlugin(root, profile),
    devPlugin(profile.runtime), // readable or not, a device build runs the device's driver, which its lowered bodies need
    o.baseline ? undefined : featuresPlugin(root),
    minify ? terseErrorsPlugin() : undefined,
    o.baseline ? undefined : unusedMethodsPlugin(ownOf),
    o.baseline ? undefined : bundleRewritesPlugin(ownOf),
    o.baseline ? undefined : singleUseAgainPlugin(ownOf),
    minify ? unpassedParamsPlugin() : undefined,
    minify ? uniqueNamesPlugin() : undefined,
    minify ? minifier(root, own) : undefined,
    minify ? protoLiteralPlugin(!o.es5) : undefined,
    minify ? singletonLiteralPlugin() : undefined,
    lowerPlugin(),
    minify ? topLevelPlugin() : undefined,
    minify ? aliasesPlugin() : undefined,
    minify ? forwardersPlugin() : undefined,
    minify ? commonArgsPlugin() : undefined,
    minify ? reusedParamsPlugin() : undefined,
    minify && !o.es5 ? shorthandPlugin() : undefined,
    minify && !o.baseline ? dataFirstPlugin() : undefined,
    profile.runtime === "espruino" && !o.baseline ? espruinoFlagsPlugin() : undefined,
    o.baseline ? undefined : checkPlugin(root, outDir),
    onSize ? sizePlugin(root, profile.runtime === "espruino", onSize) : undefined,
    check ? undefined : typeCheckPlugin({ root: root, entry: app.entry, board: profile.id, extra: extraFiles(o) }),
  ];
  return {
    // unknownGlobalSideEffects: reading a runtime's global is taken to have no effect, so that what
    // only names one goes when unused (the Espruino HAL's `unwatch = clearWatch` in a blink).
    input: { input: app.entry, plugins: plugins, treeshake: { moduleSideEffects: false, unknownGlobalSideEffects: false } },
    output: {
      file: path.join(outDir, app.name + "." + profile.id + ".js"),
      format: "iife",
      name: "app",
      strict: false, // Espruino ignores it; no code may rely on it (rule 21)
      freeze: false, // no Object.freeze on Espruino (rule 16)
      esModule: false,
      generatedCode: "es5",
      sourcemap: true,
    },
  };
}
